using ScottPlot;

namespace ILrg.Cli.Scale;

/// <summary>Line plots of measured curves (with 95% intervals) beside the paper's points, saved as PNG (ScottPlot).</summary>
public static class CurvePlot
{
    /// <summary>A measured curve: y over x with optional 95% interval bounds.</summary>
    /// <param name="Name">Legend text.</param>
    /// <param name="X">Abscissae.</param>
    /// <param name="Y">Values.</param>
    /// <param name="Low">Lower interval bounds, or null.</param>
    /// <param name="High">Upper interval bounds, or null.</param>
    public sealed record Series(string Name, double[] X, double[] Y, double[]? Low = null, double[]? High = null);

    /// <summary>Where Debian's fonts-dejavu-core puts the font the plots use (SkiaSharp here has no fontconfig).</summary>
    public const string FontFolder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lazy<bool> FontLoaded = new(LoadFont);

    /// <summary>Writes the plot to <paramref name="path"/> (960×500 PNG, legend on the right); paper series are drawn as dashed marker lines.</summary>
    public static void Save(
        string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> measured,
        IReadOnlyList<Series> paper, bool logX = false)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(paper);
        if (!FontLoaded.Value)
        {
            Console.Error.WriteLine($"ilrg: no DejaVuSans.ttf in {FontFolder}; the plot has no text (apt-get install fonts-dejavu-core)");
        }

        var plot = new Plot();
        Color[] palette = [Colors.Blue, Colors.OrangeRed, Colors.Green, Colors.Purple, Colors.Brown];
        for (int i = 0; i < measured.Count; i++)
        {
            Series s = measured[i];
            Color color = palette[i % palette.Length];
            double[] xs = logX ? s.X.Select(Math.Log2).ToArray() : s.X;
            var line = plot.Add.Scatter(xs, s.Y, color);
            line.LegendText = s.Name;
            line.LineWidth = 2;
            if (s.Low is not null && s.High is not null)
            {
                var bars = plot.Add.ErrorBar(xs, s.Y, s.High.Zip(s.Y, (h, y) => h - y).ToArray());
                bars.YErrorNegative = s.Y.Zip(s.Low, (y, l) => y - l).ToArray();
                bars.Color = color;
            }
        }

        for (int i = 0; i < paper.Count; i++)
        {
            Series s = paper[i];
            Color color = palette[i % palette.Length];
            double[] xs = logX ? s.X.Select(Math.Log2).ToArray() : s.X;
            var line = plot.Add.Scatter(xs, s.Y, color);
            line.LegendText = s.Name;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerShape = MarkerShape.OpenSquare;
            line.MarkerSize = 9;
        }

        plot.Title(title);
        plot.XLabel(logX ? xLabel + " (log2)" : xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Edge.Right);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        plot.SavePng(path, 960, 500);
    }

    private static bool LoadFont()
    {
        string regular = Path.Combine(FontFolder, "DejaVuSans.ttf");
        string bold = Path.Combine(FontFolder, "DejaVuSans-Bold.ttf");
        if (!File.Exists(regular))
        {
            return false;
        }

        Fonts.AddFontFile("DejaVu Sans", regular, bold: false, italic: false);
        if (File.Exists(bold))
        {
            Fonts.AddFontFile("DejaVu Sans", bold, bold: true, italic: false);
        }

        Fonts.Default = "DejaVu Sans";
        return true;
    }
}
