using System.Globalization;
using ScottPlot;

namespace ILrg.Reporting.Plots;

/// <summary>Line plots of measured curves (with 95% intervals) beside the paper's points, saved as PNG.</summary>
public static class CurvePlot
{
    /// <summary>A measured curve: y over x with optional 95% interval bounds.</summary>
    /// <param name="Name">Legend text.</param>
    /// <param name="X">Abscissae, in the reader's units (e.g. batch sizes 8, 16, 32 …).</param>
    /// <param name="Y">Values.</param>
    /// <param name="Low">Lower interval bounds, or null.</param>
    /// <param name="High">Upper interval bounds, or null.</param>
    public sealed record Series(string Name, double[] X, double[] Y, double[]? Low = null, double[]? High = null);

    /// <summary>
    /// Writes the plot to <paramref name="path"/> (960×500 PNG, legend on the right); paper series are drawn as dashed
    /// marker lines. With <paramref name="logX"/> the x axis is logarithmic and its ticks are labelled with the values
    /// themselves (8, 16, 32 …), not their logarithms.
    /// </summary>
    public static void Save(
        string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> measured,
        IReadOnlyList<Series> paper, bool logX = false)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(paper);
        Plot plot = Png.NewPlot();
        var category10 = new ScottPlot.Palettes.Category10();
        Color[] palette = [.. Enumerable.Range(0, 10).Select(category10.GetColor)];
        double[] Xs(Series s) => logX ? s.X.Select(Math.Log2).ToArray() : s.X;
        for (int i = 0; i < measured.Count; i++)
        {
            Series s = measured[i];
            Color color = palette[i % palette.Length];
            var line = plot.Add.Scatter(Xs(s), s.Y, color);
            line.LegendText = s.Name;
            line.LineWidth = 2;
            if (s.Low is not null && s.High is not null)
            {
                var bars = plot.Add.ErrorBar(Xs(s), s.Y, s.High.Zip(s.Y, (h, y) => h - y).ToArray());
                bars.YErrorNegative = s.Y.Zip(s.Low, (y, l) => y - l).ToArray();
                bars.Color = color;
            }
        }

        for (int i = 0; i < paper.Count; i++)
        {
            Series s = paper[i];
            var line = plot.Add.Scatter(Xs(s), s.Y, palette[i % palette.Length]);
            line.LegendText = s.Name;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerShape = MarkerShape.OpenSquare;
            line.MarkerSize = 9;
        }

        if (logX)
        {
            double[] values = measured.Concat(paper).SelectMany(s => s.X).Distinct().Order().ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                values.Select(v => new Tick(Math.Log2(v), v.ToString("G", CultureInfo.InvariantCulture))).ToArray());
        }

        plot.Title(title);
        plot.XLabel(logX ? xLabel + " (log scale)" : xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Edge.Right);
        Png.Save(plot, path, 960, 500);
    }
}
