using System.CommandLine;
using ILrg.Claims;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Reporting;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg merge a.json b.json …</c>: combines the partial reports of every shard of one <c>run</c>, <c>compare</c>,
/// <c>reproduce</c> or <c>sweep</c> into the report the unsharded run writes, and prints it. Overlapping, missing or
/// mismatched shards are an error (exit 1); a merged reproduction exits 2 when a claim failed.
/// </summary>
public static class MergeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("reports")
        {
            Description = "The --report files of every shard (--shard 1/n … n/n) of one run",
            Arity = ArgumentArity.OneOrMore,
        };
        var outputs = new OutputOptions("Write the merged report as JSON to this path");
        var command = new Command("merge", "Merge the partial reports of every shard of one run into its report")
        {
            files,
        }.With(outputs);
        command.SetAction(parse => CommandLine.Guarded(error, _ =>
            Execute(parse.GetValue(files)!, outputs.Bind(parse).Report, output)));
        return command;
    }

    /// <summary>Merges <paramref name="files"/> and reports; the body of the verb.</summary>
    /// <exception cref="InvalidDataException">The files are not exactly the shards of one run.</exception>
    public static int Execute(IReadOnlyList<FileInfo> files, FileInfo? report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (FileInfo f in files.Where(f => !f.Exists))
        {
            throw new FileNotFoundException($"no such report: {f.FullName}");
        }

        string[] paths = [.. files.Select(f => f.FullName)];
        string[] tools = [.. paths.Select(ShardMerge.ToolOf).Distinct()];
        if (tools.Length > 1)
        {
            throw new InvalidDataException($"the reports come from different verbs ({string.Join(", ", tools)})");
        }

        IAnsiConsole console = Terminal.For(output);
        console.WriteLine($"merging {paths.Length} shards of '{tools[0]}'");
        switch (tools[0])
        {
            case "ilrg reproduce":
                return ClaimReportViews.Finish(console, ClaimReport.Merge(Read<ClaimReport>(paths)), report);
            case "ilrg sweep":
                ClaimReport sweep = ClaimReport.Merge(Read<ClaimReport>(paths));
                PaperSweep curve = PaperSweep.Named(sweep.Suite, new ClaimSize(2, 1));
                return SweepCommand.Finish(console, sweep, curve.Parameter, curve.Id == "batch", null, report);
            case "ilrg run":
                ExperimentResult run = ResultMerge.Experiment(Read<ExperimentResult>(paths));
                console.Write(LabelTables.Summary(run));
                Terminal.WriteReport(console, report, run);
                return ExitCodes.Ok;
            case "ilrg compare":
                ComparisonResult compare = ResultMerge.Comparison(Read<ComparisonResult>(paths));
                console.Write(LabelTables.Comparison(compare));
                Terminal.WriteReport(console, report, compare);
                return ExitCodes.Ok;
            default:
                throw new InvalidDataException(
                    $"reports of '{tools[0]}' cannot be merged; merge takes the reports of run, compare, reproduce " +
                    "and sweep with --shard");
        }
    }

    private static List<(string Path, T Part)> Read<T>(IEnumerable<string> paths)
        where T : class => [.. paths.Select(p => (p, ShardMerge.Read<T>(p)))];
}
