using System.Globalization;

namespace ILrg.Audit;

/// <summary>The batch size an auditor assumes: one N, or a range <c>min..max</c> to scan when N is unknown.</summary>
/// <param name="Min">The smallest N (at least 1).</param>
/// <param name="Max">The largest N (at least <paramref name="Min"/>; equal for one N).</param>
public sealed record BatchSizeRange(int Min, int Max)
{
    /// <summary>True for one N.</summary>
    public bool IsSingle => Min == Max;

    /// <summary>Parses <c>40</c> or <c>16..128</c>.</summary>
    /// <exception cref="FormatException">Not a whole number or a range of two.</exception>
    /// <exception cref="ArgumentException">A bound below 1 or above 2^31 − 1, an empty range, or one wider than
    /// <see cref="LabelAudit.MaxScanWidth"/> batch sizes.</exception>
    public static BatchSizeRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is not (1 or 2) || !parts.All(IsWhole))
        {
            throw new FormatException(
                $"'{text}' is not a batch size (a whole number such as 40) or a range such as 16..128");
        }

        int min = ToInt(parts[0]);
        int max = ToInt(parts[^1]);
        if (min < 1 || max < min)
        {
            throw new ArgumentException(
                $"'{text}': a batch size is at least 1, and a range's upper bound is at least its lower bound");
        }

        if (max - min >= LabelAudit.MaxScanWidth)
        {
            throw new ArgumentException($"'{text}': a range spans at most {LabelAudit.MaxScanWidth} batch sizes");
        }

        return new BatchSizeRange(min, max);
    }

    /// <inheritdoc />
    public override string ToString() => IsSingle
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}..{Max}");

    private static bool IsWhole(string part) => part.Length is > 0 and <= 10 && part.All(char.IsAsciiDigit);

    private static int ToInt(string part) =>
        long.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) is var v && v <= int.MaxValue
            ? (int)v
            : throw new ArgumentException($"'{part}': a batch size must be below 2^31");
}
