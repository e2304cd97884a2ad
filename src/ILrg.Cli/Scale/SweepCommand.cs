using System.CommandLine;
using System.Globalization;
using ILrg.Data;
using ILrg.Experiments;
using ILrg.Metrics;
using Spectre.Console;

namespace ILrg.Cli.Scale;

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
        var kind = CommonOptions.OneOf("--kind", "Which curve", ["depth", "batch"], null);
        var trials = CommonOptions.AtLeast("--trials", "Trials per point (the paper: 50)", 1, 50);
        var seed = CommonOptions.Seed();
        var plot = new Option<FileInfo?>("--plot") { Description = "Write the curve beside the paper's as PNG" };
        var report = CommonOptions.Report();
        var command = new Command("sweep", "Measure a curve of the paper (FCN depth or batch size on MNIST) and compare it point by point")
        {
            kind, trials, seed, plot, report,
        };
        command.SetAction(parse => CommandLine.Guarded(error, () =>
        {
            int t = parse.GetValue(trials);
            ulong s = parse.GetValue(seed);
            PaperSweep sweep = parse.GetValue(kind)!.Equals("depth", StringComparison.OrdinalIgnoreCase)
                ? PaperSweep.Depth(t, s)
                : PaperSweep.BatchSize(t, s);
            return Execute(sweep, parse.GetValue(plot), parse.GetValue(report), output, error);
        }));
        return command;
    }

    /// <summary>One compared point.</summary>
    public sealed record Row(double X, double Paper, Interval PaperBand, double Measured, Interval MeasuredCi, bool Flagged);

    /// <summary>Runs the sweep and reports it.</summary>
    public static int Execute(PaperSweep sweep, FileInfo? plot, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        IAnsiConsole console = Terminal.For(output);
        var datasets = new Dictionary<DatasetRequest, IImageDataset>();
        var rows = new List<Row>();
        string dataName = "";
        foreach (PaperSweep.Point p in sweep.Points)
        {
            IImageDataset data = datasets.TryGetValue(p.Experiment.Dataset, out var d)
                ? d
                : datasets[p.Experiment.Dataset] = DatasetCatalog.Open(p.Experiment.Dataset, line => error.WriteLine(line));
            dataName = data.IsSynthetic ? data.Name + " [synthetic]" : data.Name;
            LabelSummary s = ExperimentRunner.Run(p.Experiment, data).Summary;
            double measured = ClaimRunner.Metric(s, sweep.Metric);
            Interval band = PaperSweep.PaperBand(p.Paper, sweep.PaperTrials, data.Classes);
            Interval ci = sweep.Metric == "lnAcc" ? s.LnAccCi : s.LeAccCi;
            bool flagged = measured < band.Low || measured > band.High;
            rows.Add(new Row(p.X, p.Paper, band, measured, ci, flagged));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sweep.Parameter} = {p.X}: {sweep.Metric} {measured:F3} (paper {p.Paper:F3}){(flagged ? " FLAG" : "")}"));
        }

        var table = new Table().AddColumns(sweep.Parameter, "paper", "paper 95% band", "ILrg", "ILrg 95% CI", "flag");
        foreach (Row r in rows)
        {
            table.AddRow(r.X.ToString(CultureInfo.InvariantCulture), F(r.Paper), Markup.Escape($"[{F(r.PaperBand.Low)}, {F(r.PaperBand.High)}]"),
                F(r.Measured), Markup.Escape($"[{F(r.MeasuredCi.Low)}, {F(r.MeasuredCi.High)}]"),
                r.Flagged ? (r.Measured > r.Paper ? "above paper" : "below paper") : "");
        }

        console.Write(table);
        console.WriteLine($"{rows.Count(r => r.Flagged)} of {rows.Count} points outside the paper's binomial 95% band " +
                          $"({sweep.PaperTrials} trials × C classes); {sweep.Points[0].Experiment.Trials} ILrg trials per point");
        if (plot is not null)
        {
            double[] xs = rows.Select(r => r.X).ToArray();
            CurvePlot.Save(
                plot.FullName, $"{sweep.Title} ({dataName})", sweep.Parameter, sweep.Metric,
                [new CurvePlot.Series($"ILrg {sweep.Metric}", xs, rows.Select(r => r.Measured).ToArray(),
                    rows.Select(r => r.MeasuredCi.Low).ToArray(), rows.Select(r => r.MeasuredCi.High).ToArray())],
                [new CurvePlot.Series($"paper {sweep.Metric}", xs, rows.Select(r => r.Paper).ToArray())],
                logX: sweep.Id == "batch");
            console.WriteLine($"plot: {plot.FullName}");
        }

        if (report is not null)
        {
            ResultJson.Write(report.FullName, new { sweep = sweep.Id, sweep.Title, sweep.Metric, dataset = dataName, rows });
            console.WriteLine($"report: {report.FullName}");
        }

        return ExitCodes.Ok;
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
