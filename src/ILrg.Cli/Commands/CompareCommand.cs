using System.CommandLine;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Numerics;
using ILrg.Reporting;
using ILrg.Reporting.Plots;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg compare</c>: every chosen method on identical updates per trial; one table of LeAcc, LnAcc, IRec,
/// exact-batch rate and count MAE with 95% intervals; <c>--report</c> writes JSON, a markdown table and a PNG chart.
/// </summary>
public static class CompareCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new ExperimentOptions(MethodOptions.Choice.Many);
        var outputs = new OutputOptions("Write JSON here, plus a markdown table (.md) and a bar chart (.png) beside it");
        var shard = new ShardOptions();
        var command = new Command("compare", "Run every label-restoration method on identical simulated updates")
            .With(experiment, shard, outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
        {
            ExperimentSpec spec = experiment.Bind(parse);
            return Execute(
                new ComparisonSpec(spec with { Method = "ilrg" }, spec.Method), outputs.Bind(parse).Report, output,
                error, shard.Bind(parse), run);
        }));
        return command;
    }

    /// <summary>Runs a comparison, prints the table and writes the report files; the body of the verb.</summary>
    public static int Execute(
        ComparisonSpec spec, FileInfo? report, TextWriter output, TextWriter error, WorkShard? shard = null,
        VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunCommand.ShardNeedsReport(shard, report);
        int methods = Restoration.Registry.RestorerRegistry.Select(spec.Methods).Count; // fail fast on a bad name
        IAnsiConsole console = Terminal.For(output);
        IImageDataset data = DatasetCatalog.Open(spec.Experiment.Dataset, line => error.WriteLine(line));
        ExperimentSpec e = spec.Experiment;
        var started = DateTimeOffset.UtcNow;
        var finished = new Collected<ComparisonTrial>();
        run?.OnInterruption(report, () =>
        {
            var trials = finished.Snapshot();
            return (trials.Count > 0 ? ComparisonRunner.Summarise(spec, data, trials, started, shard, interrupted: true) : null,
                trials.Count);
        });
        console.WriteLine($"compare {methods} methods on {data.Name}{Format.Synthetic(data.IsSynthetic)}, model " +
                          $"{e.Model.Name}, N={e.BatchSize}, {e.Trials} trials, seed {e.Seed}");
        ComparisonResult result = Terminal.WithProgress(console, "trials", e.Trials, tick =>
            ComparisonRunner.Run(
                spec, data, t =>
                {
                    finished.Add(t);
                    console.WriteLine($"trial {t.Index + 1}/{e.Trials}: true {Format.Sparse(t.TrueCounts)}");
                    tick();
                }, shard, run?.Cancellation ?? default));
        console.Write(LabelTables.Comparison(result));
        if (e.Model.CheckpointPath is not null)
        {
            using var g = new TorchSharp.torch.Generator(0);
            using Models.Classifier trained = Models.ModelZoo.Create(e.Model, data.Shape, data.Classes, g);
            console.WriteLine($"attacked model's accuracy on all {data.Count} images of {data.Name} " +
                              $"({e.Dataset.Split}): {Format.F3(Models.ModelAccuracy.Of(trained, data))}");
        }

        if (report is not null && shard is null)
        {
            string markdown = Path.ChangeExtension(report.FullName, ".md");
            string png = Path.ChangeExtension(report.FullName, ".png");
            ReportFile.WriteAllText(markdown, ComparisonMarkdown.Render(result));
            ComparisonChart.WritePng(result, png);
            console.WriteLine($"markdown: {markdown}; chart: {png}");
        }

        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }
}
