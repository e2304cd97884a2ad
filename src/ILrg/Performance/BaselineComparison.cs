using System.Globalization;

namespace ILrg.Performance;

/// <summary>
/// This run against an earlier bench report, row by row: new/old of the median (per trial, per restoration, per
/// iteration). A row is slower when new/old exceeds the tolerance; rows in only one of the two are listed, never
/// failed.
/// </summary>
/// <param name="Path">The baseline file.</param>
/// <param name="Tolerance">The largest new/old that still passes (1.25: up to 25% slower).</param>
/// <param name="BaselineThreads">The baseline's libtorch thread count, when it records one.</param>
/// <param name="Rows">The rows in both, in this run's order.</param>
/// <param name="OnlyHere">Rows of this run the baseline lacks.</param>
/// <param name="OnlyInBaseline">Rows of the baseline this run lacks.</param>
public sealed record BaselineComparison(
    string Path, double Tolerance, int? BaselineThreads, IReadOnlyList<BaselineRow> Rows,
    IReadOnlyList<string> OnlyHere, IReadOnlyList<string> OnlyInBaseline)
{
    /// <summary>The default tolerance: 25% slower still passes.</summary>
    public const double DefaultTolerance = 1.25;

    /// <summary>True when any row in both is slower than the tolerance.</summary>
    public bool AnySlower => Rows.Any(r => r.Slower);

    /// <summary>Compares <paramref name="rows"/> with <paramref name="baseline"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance that is not a finite number above 1.</exception>
    public static BaselineComparison Of(BaselineFile baseline, IReadOnlyList<BenchRowResult> rows, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(rows);
        CheckTolerance(tolerance);
        var both = rows.Where(r => baseline.MedianMs.ContainsKey(r.Name))
            .Select(r => (r.Name, Old: baseline.MedianMs[r.Name], New: r.MedianMs))
            .Select(r => new BaselineRow(r.Name, r.Old, r.New, r.New / r.Old, r.New / r.Old > tolerance))
            .ToList();
        var here = rows.Select(r => r.Name).ToHashSet();
        return new BaselineComparison(
            baseline.Path, tolerance, baseline.TorchThreads, both,
            [.. rows.Select(r => r.Name).Where(n => !baseline.MedianMs.ContainsKey(n))],
            [.. baseline.MedianMs.Keys.Where(n => !here.Contains(n))]);
    }

    /// <summary>Checks a tolerance: a finite number above 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void CheckTolerance(double tolerance)
    {
        if (!double.IsFinite(tolerance) || tolerance <= 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(tolerance), tolerance,
                string.Create(CultureInfo.InvariantCulture, $"must be a finite number above 1, got {tolerance}"));
        }
    }
}
