using ScottPlot;
using SkiaSharp;

namespace ILrg.Reporting.Plots;

/// <summary>
/// The one place PNG files are made: plots get the same font (Debian's DejaVu Sans, since SkiaSharp here has no
/// fontconfig to find one) and every file goes through the same folder creation and write.
/// </summary>
public static class Png
{
    /// <summary>Where Debian's fonts-dejavu-core puts the font the plots use.</summary>
    public const string FontFolder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lazy<bool> FontLoaded = new(LoadFont);

    /// <summary>True when the plot font is installed (without it, plots have no text).</summary>
    public static bool HasFont => FontLoaded.Value;

    /// <summary>A new plot that will draw its text in the house font.</summary>
    public static Plot NewPlot()
    {
        if (!FontLoaded.Value)
        {
            Console.Error.WriteLine(
                $"ilrg: no DejaVuSans.ttf in {FontFolder}; plots have no text (apt-get install fonts-dejavu-core)");
        }

        return new Plot();
    }

    /// <summary>Saves <paramref name="plot"/> as a <paramref name="width"/>×<paramref name="height"/> PNG.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        EnsureFolder(path);
        plot.SavePng(path, width, height);
    }

    /// <summary>Saves a bitmap (e.g. a grid of images) as PNG.</summary>
    public static void Save(SKBitmap bitmap, string path)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        EnsureFolder(path);
        using SKImage image = SKImage.FromBitmap(bitmap);
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        data.SaveTo(file);
    }

    private static void EnsureFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
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
