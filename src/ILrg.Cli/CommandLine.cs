using System.CommandLine;
using ILrg.Cli.Commands;
using ILrg.Data;
using ILrg.Numerics;

namespace ILrg.Cli;

/// <summary>Builds the command tree (tests parse with it without running) and runs it with named exit codes.</summary>
public static class CommandLine
{
    /// <summary>The root command with every verb.</summary>
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "ILrg: restore the labels of a federated client's batch from its shared gradients (iLRG, ICLR 2023).");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(ReproduceCommand.Create(output, error));
        root.Subcommands.Add(CompareCommand.Create(output, error));
        root.Subcommands.Add(InvertCommand.Create(output, error));
        root.Subcommands.Add(TrainCommand.Create(output, error));
        root.Subcommands.Add(SweepCommand.Create(output, error));
        root.Subcommands.Add(MergeCommand.Create(output, error));
        root.Subcommands.Add(GoldenCommand.Create(output, error));
        root.Subcommands.Add(AuditCommand.Create(output, error));
        root.Subcommands.Add(CurvesCommand.Create(output, error));
        root.Subcommands.Add(BenchCommand.Create(output, error));
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, reports the first error on one line, or runs the verb.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        RootCommand root = Build(output, error);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"ilrg: {parsed.Errors[0].Message} (see 'ilrg --help')");
            return ExitCodes.UsageOrError;
        }

        return parsed.Invoke(
            new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// Runs a verb body, mapping every exception to a documented exit code and ONE line on standard error (never a
    /// stack trace), and Ctrl-C to <see cref="ExitCodes.Interrupted"/> (see <see cref="VerbRun"/>).
    /// </summary>
    public static int Guarded(TextWriter error, Func<VerbRun, int> body)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(body);
        using var run = new VerbRun(error);
        try
        {
            return body(run);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            return run.Interrupted();
        }
        catch (EnvironmentMissingException e)
        {
            return Fail(error, e.Message, ExitCodes.EnvironmentMissing);
        }
        catch (TypeInitializationException e) when (e.InnerException is DllNotFoundException or NotSupportedException)
        {
            return Fail(error, $"the native TorchSharp library did not load ({e.InnerException.Message}). " +
                               "Rebuild so the Debian 12 fix-up runs (README, 'TorchSharp on Debian 12').",
                ExitCodes.EnvironmentMissing);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FormatException
                                      or NonFiniteInputException or IOException or KeyNotFoundException
                                      or InvalidOperationException or UnauthorizedAccessException or OverflowException
                                      or NotSupportedException)
        {
            return Fail(error, e.Message, ExitCodes.UsageOrError);
        }
        catch (OutOfMemoryException)
        {
            return Fail(error, "out of memory; reduce --batch-size or --chunk-size", ExitCodes.UsageOrError);
        }
#pragma warning disable CA1031 // the last resort: an unexpected fault is still one line and a documented exit code
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(error, $"unexpected {e.GetType().Name}: {e.Message} (please report this)",
                ExitCodes.UsageOrError);
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine($"ilrg: {OneLine(message)}");
        return code;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
