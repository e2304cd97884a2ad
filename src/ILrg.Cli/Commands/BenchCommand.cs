using System.CommandLine;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Performance;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg bench</c> (issue 13): times the standard configurations (<see cref="BenchRows"/>) and prints per-stage
/// medians, peak memory and the speed-up over the paper's code; with <c>--baseline</c> it compares with an earlier
/// report and exits 2 when a row got slower than the tolerance. Speed is measured here, never asserted elsewhere.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var bench = new BenchOptions();
        var outputs = new OutputOptions("Write every row's figures as JSON (with the run manifest) to this path");
        var command = new Command(
            "bench", "Time the standard configurations: per-stage medians, peak memory, speed-up, a baseline check")
            .With(bench, outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
        {
            var (rows, configuration, baseline, list) = bench.Bind(parse);
            if (list)
            {
                Terminal.For(output).Write(BenchViews.List(rows));
                return ExitCodes.Ok;
            }

            return Execute(rows, configuration, baseline, outputs.Bind(parse).Report, output, error, run);
        }));
        return command;
    }

    /// <summary>Runs <paramref name="rows"/>, prints them, writes the report and compares with the baseline; the body
    /// of the verb.</summary>
    /// <returns><see cref="ExitCodes.CheckFailed"/> when a row is slower than the baseline by more than the
    /// tolerance, else <see cref="ExitCodes.Ok"/>.</returns>
    /// <exception cref="FileNotFoundException">The baseline does not exist.</exception>
    /// <exception cref="InvalidDataException">The baseline is not a bench report.</exception>
    public static int Execute(
        IReadOnlyList<BenchRow> rows, BenchConfiguration configuration, FileInfo? baseline, FileInfo? report,
        TextWriter output, TextWriter error, VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(configuration);
        BaselineComparison.CheckTolerance(configuration.Tolerance);
        BaselineFile? old = baseline is null ? null : BaselineFile.Read(baseline.FullName); // before any work
        IAnsiConsole console = Terminal.For(output);
        var runner = new BenchRunner(request => DatasetCatalog.Open(request, line => error.WriteLine(line)));
        var started = DateTimeOffset.UtcNow;
        var finished = new Collected<BenchRowResult>();
        run?.OnInterruption(report, () =>
        {
            var done = finished.Snapshot();
            return (done.Count > 0 ? runner.Report(configuration, done, started, interrupted: true) : null,
                done.Count);
        });
        console.WriteLine(BenchViews.Header(rows, configuration, BenchRunner.TorchThreads));
        Terminal.WithProgress(console, "bench", rows.Sum(r => r.TotalUnits), tick =>
        {
            foreach (BenchRow row in rows)
            {
                BenchRowResult result = runner.Run(row, tick, run?.Cancellation ?? default);
                finished.Add(result);
                console.WriteLine(BenchViews.RowLine(result));
            }

            return rows.Count;
        });
        BenchReport measured = runner.Report(configuration, finished.Snapshot(), started);
        if (old is not null)
        {
            measured = measured with
            {
                Baseline = BaselineComparison.Of(old, measured.Rows, configuration.Tolerance),
            };
        }

        console.Write(BenchViews.Table(measured));
        if (BenchViews.LoadWarning(measured) is { } warning)
        {
            console.WriteLine(warning);
        }

        if (measured.Baseline is { } comparison)
        {
            BenchViews.Baseline(console, comparison, measured.TorchThreads);
        }

        Terminal.WriteReport(console, report, measured);
        return measured.Baseline?.AnySlower == true ? ExitCodes.CheckFailed : ExitCodes.Ok;
    }
}
