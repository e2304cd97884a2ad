using System.Globalization;
using ILrg.Data;
using SkiaSharp;

namespace ILrg.Reporting.Plots;

/// <summary>PNG pictures of a reconstruction: matched pairs (truth over reconstruction), loss curves, PSNR
/// curves.</summary>
public static class InversionPictures
{
    private const int Gap = 2;

    /// <summary>
    /// Writes a grid of matched pairs: for each block of up to <paramref name="columns"/> images, a row of ground-truth
    /// images over the row of the reconstructions matched to them.
    /// </summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="reconstructions">Raw [0,1] pixels, image after image.</param>
    /// <param name="truths">Raw [0,1] ground-truth pixels, image after image.</param>
    /// <param name="match">For reconstruction i, the index of its ground-truth image.</param>
    /// <param name="shape">Shape of one image (1 or 3 channels).</param>
    /// <param name="scale">Pixel magnification.</param>
    /// <param name="columns">Images per row.</param>
    /// <exception cref="ArgumentException">Lengths disagree or the channel count is not 1 or 3.</exception>
    public static void WriteMatchedGrid(
        string path, float[] reconstructions, float[] truths, IReadOnlyList<int> match, ImageShape shape, int scale = 2,
        int columns = 25)
    {
        ArgumentNullException.ThrowIfNull(reconstructions);
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        int n = match.Count;
        if (reconstructions.Length != n * shape.Size || truths.Length != n * shape.Size)
        {
            throw new ArgumentException(
                $"{n} matched pairs of shape {shape} need {n * shape.Size} values each, got {reconstructions.Length} " +
                $"and {truths.Length}");
        }

        if (shape.Channels is not (1 or 3))
        {
            throw new ArgumentException($"images of {shape.Channels} channels cannot be drawn; expected 1 or 3");
        }

        int cols = Math.Min(columns, n);
        int blocks = (n + cols - 1) / cols;
        int cellW = (shape.Width * scale) + Gap;
        int cellH = (shape.Height * scale) + Gap;
        using var bitmap = new SKBitmap(cols * cellW, blocks * ((2 * cellH) + (2 * Gap)), SKColorType.Rgba8888,
            SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(255, 255, 255));
        for (int i = 0; i < n; i++)
        {
            int left = i % cols * cellW;
            int top = i / cols * ((2 * cellH) + (2 * Gap));
            Draw(bitmap, truths.AsSpan(match[i] * shape.Size, shape.Size), shape, scale, left, top);
            Draw(bitmap, reconstructions.AsSpan(i * shape.Size, shape.Size), shape, scale, left, top + cellH);
        }

        Png.Save(bitmap, path);
    }

    /// <summary>Writes the reconstructions alone (no truth to pair them with), <paramref name="columns"/> per row.
    /// </summary>
    /// <exception cref="ArgumentException">The pixel count is not a whole number of images, or the channel count is
    /// not 1 or 3.</exception>
    public static void WriteGrid(string path, float[] images, ImageShape shape, int scale = 2, int columns = 25)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (images.Length == 0 || images.Length % shape.Size != 0 || shape.Channels is not (1 or 3))
        {
            throw new ArgumentException(
                $"{images.Length} values are not whole images of {shape} with 1 or 3 channels", nameof(images));
        }

        int n = images.Length / shape.Size;
        int cols = Math.Min(columns, n);
        int cellW = (shape.Width * scale) + Gap;
        int cellH = (shape.Height * scale) + Gap;
        using var bitmap = new SKBitmap(cols * cellW, (n + cols - 1) / cols * cellH, SKColorType.Rgba8888,
            SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(255, 255, 255));
        for (int i = 0; i < n; i++)
        {
            Draw(bitmap, images.AsSpan(i * shape.Size, shape.Size), shape, scale, i % cols * cellW, i / cols * cellH);
        }

        Png.Save(bitmap, path);
    }

    /// <summary>Writes gradient-cost curves (log10 scale) of several runs in one plot.</summary>
    public static void WriteLossCurves(string path,
        IReadOnlyList<(string Label, IReadOnlyList<double> Costs, int Step)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var plot = Png.NewPlot();
        foreach (var (label, costs, step) in curves)
        {
            double[] xs = Enumerable.Range(0, costs.Count).Select(i => (double)i * step).ToArray();
            double[] ys = costs.Select(c => Math.Log10(Math.Max(c, 1e-12))).ToArray();
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = label;
        }

        plot.Title("Gradient-matching cost");
        plot.XLabel("iteration");
        plot.YLabel("log10 cost");
        plot.ShowLegend();
        Png.Save(plot, path, 900, 500);
    }

    /// <summary>Writes mean PSNR against the number of wrong labels.</summary>
    public static void WritePsnrVersusErrors(string path, IReadOnlyList<int> errors, IReadOnlyList<double> psnr,
        double? jointShared)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(psnr);
        var plot = Png.NewPlot();
        var line = plot.Add.Scatter(errors.Select(e => (double)e).ToArray(), psnr.ToArray());
        line.LegendText = "iLRG labels with k wrong";
        if (jointShared is { } j)
        {
            var h = plot.Add.HorizontalLine(j);
            h.LegendText = string.Create(CultureInfo.InvariantCulture, $"joint shared label ({j:F2} dB)");
        }

        plot.Title("Label-error sensitivity of gradient inversion");
        plot.XLabel("wrong labels k");
        plot.YLabel("mean PSNR (dB)");
        plot.ShowLegend();
        Png.Save(plot, path, 800, 500);
    }

    private static void Draw(SKBitmap bitmap, ReadOnlySpan<float> image, ImageShape shape, int scale, int left, int top)
    {
        int plane = shape.Height * shape.Width;
        for (int y = 0; y < shape.Height; y++)
        {
            for (int x = 0; x < shape.Width; x++)
            {
                int k = (y * shape.Width) + x;
                byte r = ToByte(image[k]);
                byte g = shape.Channels == 3 ? ToByte(image[plane + k]) : r;
                byte b = shape.Channels == 3 ? ToByte(image[(2 * plane) + k]) : r;
                var colour = new SKColor(r, g, b);
                for (int dy = 0; dy < scale; dy++)
                {
                    for (int dx = 0; dx < scale; dx++)
                    {
                        bitmap.SetPixel(left + (x * scale) + dx, top + (y * scale) + dy, colour);
                    }
                }
            }
        }
    }

    private static byte ToByte(float v) => (byte)Math.Round(Math.Clamp(v, 0f, 1f) * 255);
}
