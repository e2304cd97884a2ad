using System.CommandLine;
using ILrg.Claims;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Numerics;
using ILrg.Reporting.Plots;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg sweep</c>: measures one of the paper's curves (FCN depth or batch size on real MNIST, SPEC.md §9) point by
/// point with the claims' statistics (K runs of T trials, one model per run; the paper's figure two-sided against the
/// 95% prediction interval of one run), and plots both as PNG. Reports, not gates: exit 0 whatever the verdicts.
/// </summary>
public static class SweepCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var kind = OptionFactory.Choice("--kind", "Which curve", [.. PaperSweep.Names, "defence"], null);
        var defence = new DefenceSweepOptions();
        var runs = OptionFactory.WholeNumber("--runs", "Runs K per point (each one model, the paper's protocol)", 2, 5);
        var trials = OptionFactory.WholeNumber("--trials", "Trials T per run (the paper: 50)", 1, 50);
        var seed = OptionFactory.Seed();
        var (shard, device, outputs) = (new ShardOptions(), new DeviceOptions(), new OutputOptions(plot: true));
        var command = new Command(
            "sweep", "Measure a curve point by point: the paper's (FCN depth, batch size) or a defence's (issue 11)")
        {
            kind, runs, trials, seed,
        }.With(shard, device, outputs, defence);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
        {
            var (report, plot, _) = outputs.Bind(parse);
            if (parse.GetValue(kind) == "defence")
            {
                if (shard.Bind(parse) is not null)
                {
                    throw new ArgumentException("--shard applies to the paper's sweeps (depth, batch), not to defence");
                }

                return DefenceSweepCommand.Execute(
                    defence.Bind(parse, parse.GetValue(trials), parse.GetValue(seed)), plot, report, output, error);
            }

            var size = new ClaimSize(parse.GetValue(runs), parse.GetValue(trials));
            PaperSweep sweep = PaperSweep.Named(parse.GetValue(kind)!, size, parse.GetValue(seed));
            return Execute(sweep, plot, report, output, error, shard.Bind(parse), device.Bind(parse), run);
        }));
        return command;
    }

    /// <summary>Runs the sweep (or one shard of it) and reports it.</summary>
    public static int Execute(
        PaperSweep sweep, FileInfo? plot, FileInfo? report, TextWriter output, TextWriter error,
        WorkShard? shard = null, string device = "cpu", VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        RunCommand.ShardNeedsReport(shard, report);
        IAnsiConsole console = Terminal.For(output);
        var configuration = new { sweep = sweep.Id, device, points = sweep.Points.Select(p => p.Plan) };
        var started = DateTimeOffset.UtcNow;
        var finished = new Collected<TrialRecord>();
        var context = new ClaimContext(
            r => DatasetCatalog.Open(r, line => error.WriteLine(line)), device, onRecords: finished.AddRange,
            cancellation: run?.Cancellation ?? default);
        ulong seed = sweep.Points[0].Experiment.Seed;
        run?.OnInterruption(report, () => finished.Snapshot() is var done
            ? (ClaimRunner.Interrupted(
                "ilrg sweep", sweep.Id, seed, configuration, sweep.Points, context, started, done, shard), done.Count)
            : default);
        ClaimReport result = ClaimRunner.Report(
            "ilrg sweep", sweep.Id, seed, configuration, sweep.Points, context, shard,
            onClaimDone: (c, r) => console.WriteLine($"{sweep.Parameter} = {c.Plan.X}: {r.Count} trials"));
        if (shard is not null)
        {
            return ClaimReportViews.Shard(console, shard, result, report);
        }

        return Finish(console, result, sweep.Parameter, sweep.Id == "batch", plot, report);
    }

    /// <summary>Prints the table of a whole sweep, plots it and writes the report.</summary>
    public static int Finish(
        IAnsiConsole console, ClaimReport result, string parameter, bool logX, FileInfo? plot, FileInfo? report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        console.Write(SweepTable.Of(result, parameter));
        var checks = (result.Claims ?? []).Select(o => o.Checks[0]).ToList();
        console.WriteLine($"{checks.Count(c => c.Verdict != "consistent")} of {checks.Count} points where the " +
                          "paper's figure lies outside the 95% prediction interval of one ILrg run " +
                          "(docs/claims-statistics.md)");
        if (plot is not null)
        {
            double[] xs = [.. result.Plans.Select(p => p.X ?? double.NaN)];
            var data = result.Manifest.Datasets[0];
            CurvePlot.Save(
                plot.FullName, $"{result.Suite}: {data.Name}{(data.Synthetic ? " [synthetic]" : "")}", parameter,
                "ilrg " + checks[0].Metric,
                [new CurvePlot.Series("ILrg mean of K runs (bars: 95% PI of one run)", xs,
                    [.. checks.Select(c => c.Measured)], [.. checks.Select(c => c.Spread!.Prediction.Low)],
                    [.. checks.Select(c => c.Spread!.Prediction.High)])],
                [new CurvePlot.Series("paper (one run)", xs, [.. checks.Select(c => c.Paper ?? double.NaN)])], logX);
            console.WriteLine($"plot: {plot.FullName}");
        }

        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }
}
