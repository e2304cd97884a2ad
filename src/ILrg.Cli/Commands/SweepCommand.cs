using System.CommandLine;
using ILrg.Claims;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Reporting.Plots;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg sweep</c>: measures one of the paper's curves (FCN depth or batch size on real MNIST, SPEC.md §9), prints it
/// beside the paper's figures with the paper's binomial 95% band, flags points outside the band, and plots both as PNG.
/// Reports, not gates: exit 0 whether or not points are flagged.
/// </summary>
public static class SweepCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var kind = OptionFactory.Choice("--kind", "Which curve", ["depth", "batch", "defence"], null);
        var defence = new DefenceSweepOptions();
        var trials = OptionFactory.WholeNumber("--trials", "Trials per point (the paper: 50)", 1, 50);
        var seed = OptionFactory.Seed();
        var outputs = new OutputOptions(plot: true);
        var command = new Command(
            "sweep", "Measure a curve point by point: the paper's (FCN depth, batch size) or a defence's (issue 11)")
        {
            kind, trials, seed,
        }.With(outputs, defence);
        command.SetAction(parse => CommandLine.Guarded(error, () =>
        {
            var (report, plot, _) = outputs.Bind(parse);
            if (parse.GetValue(kind) == "defence")
            {
                return DefenceSweepCommand.Execute(
                    defence.Bind(parse, parse.GetValue(trials), parse.GetValue(seed)), plot, report, output, error);
            }

            PaperSweep sweep = parse.GetValue(kind) == "depth"
                ? PaperSweep.Depth(parse.GetValue(trials), parse.GetValue(seed))
                : PaperSweep.BatchSize(parse.GetValue(trials), parse.GetValue(seed));
            return Execute(sweep, plot, report, output, error);
        }));
        return command;
    }

    /// <summary>Runs the sweep and reports it.</summary>
    public static int Execute(PaperSweep sweep, FileInfo? plot, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        IAnsiConsole console = Terminal.For(output);
        SweepResult result = SweepRunner.Run(
            sweep, request => DatasetCatalog.Open(request, line => error.WriteLine(line)),
            r => console.WriteLine($"{sweep.Parameter} = {r.X}: {sweep.Metric} {Format.F3(r.Measured)} " +
                                   $"(paper {Format.F3(r.Paper)}){(r.Flagged ? " FLAG" : "")}"));
        console.Write(SweepTable.Of(result));
        console.WriteLine($"{result.Rows.Count(r => r.Flagged)} of {result.Rows.Count} points outside the paper's binomial " +
                          $"95% band ({sweep.PaperTrials} trials × C classes); {sweep.Points[0].Experiment.Trials} ILrg " +
                          "trials per point");
        if (plot is not null)
        {
            double[] xs = result.Rows.Select(r => r.X).ToArray();
            var data = result.Manifest.Datasets[0];
            CurvePlot.Save(
                plot.FullName, $"{sweep.Title} ({data.Name}{(data.Synthetic ? " [synthetic]" : "")})", sweep.Parameter,
                sweep.Metric,
                [new CurvePlot.Series($"ILrg {sweep.Metric}", xs, result.Rows.Select(r => r.Measured).ToArray(),
                    result.Rows.Select(r => r.MeasuredCi.Low).ToArray(), result.Rows.Select(r => r.MeasuredCi.High).ToArray())],
                [new CurvePlot.Series($"paper {sweep.Metric}", xs, result.Rows.Select(r => r.Paper).ToArray())],
                logX: sweep.Id == "batch");
            console.WriteLine($"plot: {plot.FullName}");
        }

        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }
}
