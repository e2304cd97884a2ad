using System.Runtime.InteropServices;
using ILrg.Reporting;

namespace ILrg.Cli;

/// <summary>
/// One verb invocation's handling of Ctrl-C: the work is cancelled; where units finished, the report is written marked
/// <c>"interrupted": true</c> with them; the process exits with <see cref="ExitCodes.Interrupted"/> within
/// <see cref="Grace"/> even when the work is stuck in native code (a solver, a long backward pass).
/// </summary>
public sealed class VerbRun : IDisposable
{
    /// <summary>How long the work may take to stop on its own before the process exits anyway.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _cancel = new();
    private readonly TextWriter _error;
    private readonly Lock _gate = new();
    private FileInfo? _report;
    private Func<(object? Partial, int Finished)>? _partial;
    private bool _done;
    private bool _fromSignal;

    /// <summary>Starts listening for Ctrl-C.</summary>
    public VerbRun(TextWriter error)
    {
        _error = error;
        Console.CancelKeyPress += OnCancel;
    }

    /// <summary>Cancelled by Ctrl-C.</summary>
    public CancellationToken Cancellation => _cancel.Token;

    /// <summary>What to write on interruption: the report path and a builder of the partial report from the units that
    /// finished (null report: nothing to write).</summary>
    public void OnInterruption(FileInfo? report, Func<(object? Partial, int Finished)> partial)
    {
        _report = report;
        _partial = partial;
    }

    /// <summary>Cancels as Ctrl-C does (the signal handler's body; tests call it directly).</summary>
    public void Interrupt()
    {
        _cancel.Cancel();
        // A dedicated thread, not the thread pool: the pool may be saturated by the very work being interrupted.
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(Grace);
            if (Finish())
            {
                ExitNow(ExitCodes.Interrupted);
            }
        })
        {
            IsBackground = true,
            Priority = ThreadPriority.AboveNormal,
            Name = "ilrg interrupt watchdog",
        };
        watchdog.Start();
    }

    /// <summary>
    /// Writes the partial report once and says so; after a real Ctrl-C the process ends here at once (a managed shutdown
    /// of libtorch can take seconds), otherwise <see cref="ExitCodes.Interrupted"/> is returned.
    /// </summary>
    public int Interrupted()
    {
        if (Finish() && _fromSignal)
        {
            ExitNow(ExitCodes.Interrupted);
        }

        return ExitCodes.Interrupted;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
        }

        Console.CancelKeyPress -= OnCancel;
        _cancel.Dispose();
    }

    /// <summary>
    /// Ends the process at once: the work may be inside native code (a solver, a backward pass) that a managed shutdown
    /// would wait for or tear down under it, so on Linux this calls _exit(2) after the report and message are written.
    /// </summary>
    private static void ExitNow(int code)
    {
        if (OperatingSystem.IsLinux())
        {
            ImmediateExit(code);
        }

        Environment.Exit(code);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for this one void call
    [DllImport("libc", EntryPoint = "_exit")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void ImmediateExit(int status);
#pragma warning restore SYSLIB1054

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _fromSignal = true;
        Interrupt();
    }

    /// <summary>True when this call wrote the interruption's outcome (false when the verb had already finished).</summary>
    private bool Finish()
    {
        lock (_gate)
        {
            if (_done)
            {
                return false;
            }

            _done = true;
            var (partial, finished) = _partial?.Invoke() ?? (null, 0);
            if (_report is not null && partial is not null && finished > 0)
            {
                ResultJson.Write(_report.FullName, partial);
                _error.WriteLine($"ilrg: interrupted; the {finished} finished unit(s) are in {_report.FullName}");
            }
            else
            {
                _error.WriteLine("ilrg: interrupted");
            }

            _error.Flush();
            return true;
        }
    }
}
