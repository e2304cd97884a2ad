using System.Globalization;
using ILrg.Metrics;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>How numbers look in the terminal (invariant culture, fixed decimals).</summary>
internal static class Format
{
    /// <summary>Three decimals; NaN as a dash.</summary>
    public static string F3(double v) => double.IsNaN(v) ? "—" : v.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>An interval as "[low, high]", escaped for Spectre markup.</summary>
    public static string Ci(Interval i) => Markup.Escape($"[{F3(i.Low)}, {F3(i.High)}]");

    /// <summary>"mean [low, high]", escaped for Spectre markup.</summary>
    public static string Cell(double mean, Interval i) => Markup.Escape($"{F3(mean)} [{F3(i.Low)}, {F3(i.High)}]");

    /// <summary>An integer.</summary>
    public static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sparse "class:count" text of a count vector.</summary>
    public static string Sparse(IReadOnlyList<int> counts) =>
        "{" + string.Join(" ", Enumerable.Range(0, counts.Count).Where(c => counts[c] != 0)
            .Select(c => $"{c}:{counts[c]}")) + "}";

    /// <summary>" [SYNTHETIC stand-in]" for a synthetic data set, else nothing.</summary>
    public static string Synthetic(bool synthetic) => synthetic ? " [SYNTHETIC stand-in]" : string.Empty;
}
