using System.CommandLine;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Numerics;
using ILrg.Reporting;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary><c>ilrg run</c>: T trials of one configuration with one method, a line per trial, a summary table, JSON.</summary>
public static class RunCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new ExperimentOptions(MethodOptions.Choice.One);
        var outputs = new OutputOptions();
        var shard = new ShardOptions();
        var command = new Command("run", "Run label restoration trials on simulated client updates")
            .With(experiment, shard, outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
            Execute(experiment.Bind(parse), outputs.Bind(parse).Report, output, error, shard.Bind(parse), run)));
        return command;
    }

    /// <summary>Runs a spec (or one shard of its trials) and prints it; the body of the verb.</summary>
    public static int Execute(
        ExperimentSpec spec, FileInfo? report, TextWriter output, TextWriter error, WorkShard? shard = null,
        VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ShardNeedsReport(shard, report);
        IAnsiConsole console = Terminal.For(output);
        IImageDataset data = DatasetCatalog.Open(spec.Dataset, line => error.WriteLine(line));
        var started = DateTimeOffset.UtcNow;
        var finished = new Collected<TrialResult>();
        run?.OnInterruption(report, () =>
        {
            var trials = finished.Snapshot();
            return (trials.Count > 0 ? ExperimentRunner.Summarise(spec, data, trials, started, shard, interrupted: true) : null,
                trials.Count);
        });
        console.WriteLine($"{spec.Method} on {data.Name}{Format.Synthetic(data.IsSynthetic)}, model {spec.Model.Name}, " +
                          $"N={spec.BatchSize}, {spec.Trials} trials, seed {spec.Seed}, {EnumText.Of(spec.Mode)} " +
                          $"mode, a model per {EnumText.Of(spec.ModelPer)}, {spec.Device}" +
                          (shard is null ? "" : $", shard {shard}"));
        ExperimentResult result = Terminal.WithProgress(console, "trials", spec.Trials, tick =>
            ExperimentRunner.Run(
                spec, data, t =>
                {
                    finished.Add(t);
                    console.WriteLine(LabelTables.TrialLine(t, spec.Trials));
                    tick();
                }, shard, run?.Cancellation ?? default));
        console.Write(LabelTables.Summary(result));
        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }

    /// <summary>A shard's work is its report: <c>--shard</c> without <c>--report</c> is a usage error.</summary>
    /// <exception cref="ArgumentException">A shard without a report.</exception>
    public static void ShardNeedsReport(WorkShard? shard, FileInfo? report)
    {
        if (shard is not null && report is null)
        {
            throw new ArgumentException(
                "--shard needs --report: the shard's partial report is what 'ilrg merge' reads");
        }
    }
}
