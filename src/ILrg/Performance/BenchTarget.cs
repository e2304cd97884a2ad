using System.Globalization;

namespace ILrg.Performance;

/// <summary>
/// What a row should reach (issue 13): a speed-up over <see cref="ReferenceTimings"/>, a ceiling on the median, a
/// ceiling on max/median. Shown in the table and the report, never turned into an exit code: only a baseline
/// comparison fails a bench run.
/// </summary>
/// <param name="MinSpeedup">At least this many times faster than the reference (null: no such target).</param>
/// <param name="MaxMedianMs">The median at most this many milliseconds (null: none).</param>
/// <param name="MaxSpread">max/median of the timed units at most this (null: none).</param>
public sealed record BenchTarget(double? MinSpeedup = null, double? MaxMedianMs = null, double? MaxSpread = null)
{
    /// <summary>No target.</summary>
    public static BenchTarget None { get; } = new();

    /// <summary>Whether the row has any target.</summary>
    public bool IsSet => MinSpeedup is not null || MaxMedianMs is not null || MaxSpread is not null;

    /// <summary>Whether a row's figures meet the target; null when there is none, or when it needs a reference the
    /// row lacks.</summary>
    public bool? IsMet(double medianMs, double maxOverMedian, double? speedup)
    {
        if (!IsSet || (MinSpeedup is not null && speedup is null))
        {
            return null;
        }

        return (MinSpeedup is not { } s || speedup >= s)
               && (MaxMedianMs is not { } m || medianMs <= m)
               && (MaxSpread is not { } r || maxOverMedian <= r);
    }

    /// <summary>"≥ 5× reference", "≤ 100 ms, max/median ≤ 1.5", or "—".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (MinSpeedup is { } s)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"≥ {s:0.##}× reference"));
        }

        if (MaxMedianMs is { } m)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"≤ {m:0.##} ms"));
        }

        if (MaxSpread is { } r)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"max/median ≤ {r:0.##}"));
        }

        return parts.Count == 0 ? "—" : string.Join(", ", parts);
    }
}
