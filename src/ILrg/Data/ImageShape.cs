using System.Globalization;

namespace ILrg.Data;

/// <summary>Channels × height × width of one image.</summary>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Pixels per image (C·H·W).</summary>
    public int Size => Channels * Height * Width;

    /// <summary>Parses "3x32x32" (also "3×32×32").</summary>
    /// <exception cref="FormatException">Not three positive integers.</exception>
    public static ImageShape Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Replace('×', 'x').Split('x', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0))
        {
            throw new FormatException($"image shape '{text}' is not CxHxW with positive integers, e.g. 3x32x32");
        }

        int[] v = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new ImageShape(v[0], v[1], v[2]);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channels}x{Height}x{Width}");
}
