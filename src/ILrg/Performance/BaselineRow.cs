namespace ILrg.Performance;

/// <summary>One row present in both the baseline and this run.</summary>
/// <param name="Name">The row.</param>
/// <param name="OldMs">The baseline's median (per trial, per restoration or per iteration).</param>
/// <param name="NewMs">This run's median.</param>
/// <param name="Ratio">new / old: above 1 is slower.</param>
/// <param name="Slower">True when <paramref name="Ratio"/> exceeds the tolerance.</param>
public sealed record BaselineRow(string Name, double OldMs, double NewMs, double Ratio, bool Slower);
