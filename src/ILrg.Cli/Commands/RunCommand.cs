using System.CommandLine;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
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
        var command = new Command("run", "Run label restoration trials on simulated client updates").With(experiment, outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
            Execute(experiment.Bind(parse), outputs.Bind(parse).Report, output, error, run)));
        return command;
    }

    /// <summary>Runs a spec and prints it; the body of the verb.</summary>
    public static int Execute(
        ExperimentSpec spec, FileInfo? report, TextWriter output, TextWriter error, VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IAnsiConsole console = Terminal.For(output);
        IImageDataset data = DatasetCatalog.Open(spec.Dataset, line => error.WriteLine(line));
        var started = DateTimeOffset.UtcNow;
        var finished = new Collected<TrialResult>();
        run?.OnInterruption(report, () =>
        {
            var trials = finished.Snapshot();
            return (trials.Count > 0 ? ExperimentRunner.Summarise(spec, data, trials, started, interrupted: true) : null,
                trials.Count);
        });
        console.WriteLine($"{spec.Method} on {data.Name}{Format.Synthetic(data.IsSynthetic)}, model {spec.Model.Name}, " +
                          $"N={spec.BatchSize}, {spec.Trials} trials, seed {spec.Seed}, {EnumText.Of(spec.Mode)} mode");
        ExperimentResult result = Terminal.WithProgress(console, "trials", spec.Trials, tick =>
            ExperimentRunner.Run(spec, data, t =>
            {
                finished.Add(t);
                console.WriteLine(LabelTables.TrialLine(t, spec.Trials));
                tick();
            }, run?.Cancellation ?? default));
        console.Write(LabelTables.Summary(result));
        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }
}
