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
        root.Subcommands.Add(CurvesCommand.Create(output, error));
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

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a verb body, mapping the library's exceptions to exit codes and one-line messages.</summary>
    public static int Guarded(TextWriter error, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (EnvironmentMissingException e)
        {
            error.WriteLine($"ilrg: {e.Message}");
            return ExitCodes.EnvironmentMissing;
        }
        catch (TypeInitializationException e) when (e.InnerException is DllNotFoundException or NotSupportedException)
        {
            error.WriteLine($"ilrg: the native TorchSharp library did not load ({e.InnerException.Message}). " +
                            "Rebuild so the Debian 12 fix-up runs (README, 'TorchSharp on Debian 12').");
            return ExitCodes.EnvironmentMissing;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FormatException or NonFiniteInputException
                                      or IOException or KeyNotFoundException or InvalidOperationException)
        {
            error.WriteLine($"ilrg: {e.Message}");
            return ExitCodes.UsageOrError;
        }
    }
}
