using System.Runtime.InteropServices;
using ILrg.Reporting;

namespace ILrg.Cli;

/// <summary>
/// One verb invocation's handling of Ctrl-C: the work is cancelled and, at once, on a thread of its own, the units that
/// had finished are written to the report marked <c>"interrupted": true</c> and the process ends with
/// <see cref="ExitCodes.Interrupted"/> — without waiting for the work, which may be inside native code (a solver, a long
/// backward pass) that no managed cancellation reaches.
/// </summary>
public sealed class VerbRun : IDisposable
{
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
    public void OnInterruption<T>(FileInfo? report, Func<(T? Partial, int Finished)> partial)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(partial);
        _report = report;
        _partial = () => partial();
        if (report is not null)
        {
            new Thread(() => ResultJson.Prepare(typeof(T))) { IsBackground = true, Priority = ThreadPriority.Lowest }
                .Start();
        }
    }

    /// <summary>Cancels the work: the runners stop before their next unit and the verb returns
    /// <see cref="ExitCodes.Interrupted"/> through <see cref="Interrupted"/>.</summary>
    public void Interrupt() => _cancel.Cancel();

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
        _cancel.Cancel();
        // A thread of its own, not the thread pool, which the work being interrupted may have saturated.
        var finisher = new Thread(() =>
        {
            if (Finish())
            {
                ExitNow(ExitCodes.Interrupted);
            }
        })
        {
            IsBackground = true,
            Priority = ThreadPriority.AboveNormal,
            Name = "ilrg interruption",
        };
        finisher.Start();
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
