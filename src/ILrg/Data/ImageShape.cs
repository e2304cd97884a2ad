using System.Globalization;
using ILrg.Numerics;

namespace ILrg.Data;

/// <summary>Channels × height × width of one image; every side at least 1 and at most <see cref="MaxSize"/>
/// values.</summary>
public sealed record ImageShape
{
    /// <summary>The most values one image may hold: 2^26 = 67,108,864 (e.g. 4×4096×4096; 256 MiB as float32). Larger
    /// shapes are implausible for this tool and are refused before anything is allocated.</summary>
    public const int MaxSize = 1 << 26;

    /// <summary>Creates a shape.</summary>
    /// <exception cref="ArgumentException">A side below 1, or more than <see cref="MaxSize"/> values per
    /// image.</exception>
    public ImageShape(int channels, int height, int width)
    {
        if (channels < 1 || height < 1 || width < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"image shape {channels}x{height}x{width} needs channels, height and width of at least 1"));
        }

        long size = TensorMemory.Elements([channels, height, width], "image shape");
        if (size > MaxSize)
        {
            string bytes = TensorMemory.FormatBytes(size * TensorMemory.SingleBytes);
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"image shape {channels}x{height}x{width} has {size} values per image, more than the limit of ") +
                string.Create(CultureInfo.InvariantCulture, $"{MaxSize} ({bytes} as float32; e.g. 3x4096x4096 fits)"));
        }

        Channels = channels;
        Height = height;
        Width = width;
        Size = (int)size;
    }

    /// <summary>Channels C.</summary>
    public int Channels { get; }

    /// <summary>Height H.</summary>
    public int Height { get; }

    /// <summary>Width W.</summary>
    public int Width { get; }

    /// <summary>Values per image (C·H·W), at most <see cref="MaxSize"/>.</summary>
    public int Size { get; }

    /// <summary>Parses "3x32x32" (also "3×32×32").</summary>
    /// <exception cref="FormatException">Not three positive integers.</exception>
    /// <exception cref="ArgumentException">More than <see cref="MaxSize"/> values per image.</exception>
    public static ImageShape Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Replace('×', 'x').Split('x', StringSplitOptions.TrimEntries);
        var v = new int[parts.Length];
        bool valid = parts.Length == 3;
        for (int i = 0; valid && i < 3; i++)
        {
            valid = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out v[i]) && v[i] > 0;
        }

        if (!valid)
        {
            throw new FormatException(
                $"image shape '{text}' is not CxHxW with positive integers below 2^31, e.g. 3x32x32");
        }

        return new ImageShape(v[0], v[1], v[2]);
    }

    /// <summary>Deconstructs into channels, height and width.</summary>
    public void Deconstruct(out int channels, out int height, out int width)
    {
        channels = Channels;
        height = Height;
        width = Width;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channels}x{Height}x{Width}");
}
