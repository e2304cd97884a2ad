using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Reporting.Plots;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>The body of <c>ilrg sweep --kind defence</c> (issue 11): attack success against defence strength with the
/// defence's cost (update distortion, FedAvg-trained test accuracy), a table, a PNG and a JSON report. A report, not a
/// gate: exit 0.</summary>
public static class DefenceSweepCommand
{
    /// <summary>Runs the sweep and reports it.</summary>
    public static int Execute(
        DefenceSweepSpec spec, FileInfo? plot, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IAnsiConsole console = Terminal.For(output);
        ExperimentSpec a = spec.Attack;
        string values = string.Join(", ", spec.Values);
        console.WriteLine($"defence sweep '{spec.Defence}' over {values}: attack {a.Model.Name} " +
                          $"on {a.Dataset.Name}, N={a.BatchSize}, {a.Trials} trials, methods {spec.Methods}, client " +
                          a.FederationOrDefault().Describe(a.BatchSize));
        console.WriteLine(spec.Utility is { } u
            ? $"utility: {u.Describe()}, on {string.Join(" and ", spec.UtilityTargets.Select(t => t.Name))}"
            : "utility: skipped (--no-utility)");
        DefenceSweepResult result = DefenceSweepRunner.Run(
            spec, request => DatasetCatalog.Open(request, line => error.WriteLine(line)),
            r => console.WriteLine($"{r.Setting}: " + string.Join("; ", r.Methods.Select(m =>
                     $"{m.Method} IRec {Format.F3(m.Labels.IRec)}")) + $"; cosine {Format.F3(r.Cosine)}" +
                 string.Concat(r.Utility.Select(p => $"; {p.Target} {Format.F3(p.TestAccuracy)} ({p.Seconds:F0} s)"))));
        console.Write(DefenceSweepTable.Of(result));
        if (plot is not null)
        {
            DefenceSweepPlot.Save(result, plot.FullName);
            console.WriteLine($"plot: {plot.FullName}" + (result.Rows[0].Utility.Count > 0
                ? $"; privacy against utility: {DefenceSweepPlot.TradeoffPath(plot.FullName)}"
                : ""));
        }

        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }
}
