using System.CommandLine;
using System.Globalization;
using ILrg.Claims;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Reporting.Plots;
using ILrg.Restoration.Registry;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg curves</c>: one of the paper's FCN curves (depth or batch size on real MNIST) for several methods on
/// identical updates, beside the paper's iLRG figures, as a table and a PNG (issue 12: iLRG+ beside iLRG).
/// Reports, not gates.
/// </summary>
public static class CurvesCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var kind = OptionFactory.Choice("--kind", "Which curve", ["depth", "batch"], null);
        var methods = OptionFactory.List(
            "--methods", $"Comma-separated methods of: {string.Join(", ", RestorerRegistry.Names)}",
            name => RestorerRegistry.Find(name).Name, "ilrg,ilrg+");
        var trials = OptionFactory.WholeNumber("--trials", "Trials per point (the paper: 50)", 1, 50);
        var seed = OptionFactory.Seed();
        var outputs = new OutputOptions(plot: true);
        var command = new Command("curves", "Measure a curve of the paper for several methods (iLRG+ beside iLRG)")
        {
            kind, methods, trials, seed,
        }.With(outputs);
        command.SetAction(parse => CommandLine.Guarded(error, _ =>
        {
            var (report, plot, _) = outputs.Bind(parse);
            PaperSweep sweep = parse.GetValue(kind) == "depth"
                ? PaperSweep.Depth(new ClaimSize(1, parse.GetValue(trials)), parse.GetValue(seed))
                : PaperSweep.BatchSize(new ClaimSize(1, parse.GetValue(trials)), parse.GetValue(seed));
            return Execute(sweep, string.Join(",", parse.GetValue(methods)!), plot, report, output, error);
        }));
        return command;
    }

    /// <summary>Runs the curve and reports it.</summary>
    public static int Execute(
        PaperSweep sweep, string methods, FileInfo? plot, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        IAnsiConsole console = Terminal.For(output);
        MethodCurveResult result = MethodCurveRunner.Run(
            sweep, methods, request => DatasetCatalog.Open(request, line => error.WriteLine(line)),
            r => console.WriteLine($"{sweep.Parameter} = {r.X.ToString(CultureInfo.InvariantCulture)}: " + string.Join(
                ", ", r.Methods.Select(m => $"{m.Method} {Format.F3(m.Labels.Metric(sweep.Metric))}"))));
        console.Write(MethodCurveTable.Of(result));
        if (plot is not null)
        {
            double[] xs = result.Rows.Select(r => r.X).ToArray();
            var measured = result.Rows[0].Methods.Select((m, i) => new CurvePlot.Series(
                $"{m.Method} {sweep.Metric}", xs,
                result.Rows.Select(r => r.Methods[i].Labels.Metric(sweep.Metric)).ToArray(),
                result.Rows.Select(r => r.Methods[i].Labels.IntervalOf(sweep.Metric)!.Low).ToArray(),
                result.Rows.Select(r => r.Methods[i].Labels.IntervalOf(sweep.Metric)!.High).ToArray())).ToList();
            CurvePlot.Save(
                plot.FullName, $"{sweep.Title}, seed {sweep.Points[0].Experiment.Seed}", sweep.Parameter, sweep.Metric,
                measured,
                [new CurvePlot.Series($"paper iLRG {sweep.Metric}", xs, result.Rows.Select(r => r.Paper).ToArray())],
                logX: sweep.Id == "batch");
            console.WriteLine($"plot: {plot.FullName}");
        }

        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }
}
