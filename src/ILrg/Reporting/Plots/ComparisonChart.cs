using ILrg.Metrics;
using ILrg.Trials;
using ScottPlot;

namespace ILrg.Reporting.Plots;

/// <summary>
/// A PNG bar chart of a comparison: per method, LeAcc, LnAcc, IRec and exact-batch rate; each error bar spans the
/// larger half-width of the 95% interval (the Wilson interval of the exact-batch rate is asymmetric).
/// </summary>
public static class ComparisonChart
{
    private static readonly string[] Metrics = ["LeAcc", "LnAcc", "IRec", "exact-batch"];

    /// <summary>Writes the chart to <paramref name="path"/>.</summary>
    public static void WritePng(ComparisonResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        Plot plot = Png.NewPlot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        double groupWidth = Metrics.Length + 1.0;
        for (int m = 0; m < result.Summaries.Count; m++)
        {
            MethodSummary method = result.Summaries[m];
            LabelSummary s = method.Labels;
            var values = new (double Mean, Interval Ci)[]
            {
                (s.LeAcc, s.LeAccCi), (s.LnAcc, s.LnAccCi), (s.IRec, s.IRecCi), (s.ExactBatchRate, s.ExactBatchRateCi),
            };
            for (int k = 0; k < values.Length; k++)
            {
                bars.Add(new Bar
                {
                    Position = m * groupWidth + k,
                    Value = values[k].Mean,
                    Error = Math.Max(values[k].Mean - values[k].Ci.Low, values[k].Ci.High - values[k].Mean),
                    FillColor = palette.GetColor(k),
                });
            }

            ticks.Add(new Tick(m * groupWidth + (Metrics.Length - 1) / 2.0, ComparisonMarkdown.Kind(method) switch
            {
                "UPPER BOUND" => method.Method + " (upper)",
                "LOWER BOUND" => method.Method + " (lower)",
                _ => method.Method,
            }));
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinimumSize = 140;
        for (int k = 0; k < Metrics.Length; k++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Metrics[k], FillColor = palette.GetColor(k) });
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, 1.15);
        var e = result.Config.Experiment;
        plot.Title($"{ComparisonMarkdown.DatasetText(result)}, {e.Model.Name}, N={e.BatchSize}, {e.Trials} trials " +
                   "(95% CI)");
        Png.Save(plot, path, Math.Max(800, 70 * result.Summaries.Count + 200), 600);
    }
}
