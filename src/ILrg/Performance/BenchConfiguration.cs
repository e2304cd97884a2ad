namespace ILrg.Performance;

/// <summary>What <c>ilrg bench</c> was asked to do (the manifest's configuration; each row's own configuration is in
/// its result).</summary>
/// <param name="Rows">The rows that run, in order.</param>
/// <param name="Quick">The quick set and counts (<c>--quick</c>).</param>
/// <param name="Trials">T for every trial row (<c>--trials</c>); null: each row's own.</param>
/// <param name="Repeats">K for every restoration and inversion row (<c>--repeats</c>); null: each row's own.</param>
/// <param name="Baseline">The earlier report compared against (<c>--baseline</c>), if any.</param>
/// <param name="Tolerance">new/old above this fails the comparison.</param>
public sealed record BenchConfiguration(
    IReadOnlyList<string> Rows, bool Quick, int? Trials, int? Repeats, string? Baseline,
    double Tolerance = BaselineComparison.DefaultTolerance);
