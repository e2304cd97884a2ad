namespace ILrg.Claims;

/// <summary>One check's measured value and verdict.</summary>
/// <param name="Metric">The metric gated.</param>
/// <param name="Paper">The paper's figure, if any.</param>
/// <param name="Threshold">Lower end of the gate.</param>
/// <param name="Upper">Upper end of the gate, if any.</param>
/// <param name="Gate">The gate as text ("≥ 0.990", "≤ 0.300", "[0.470, 0.558]").</param>
/// <param name="Measured">The measured figure.</param>
/// <param name="Passed">Whether it passed the gate.</param>
public sealed record CheckOutcome(
    string Metric, double? Paper, double Threshold, double? Upper, string Gate, double Measured, bool Passed);

/// <summary>A claim's outcome.</summary>
public sealed record ClaimOutcome(
    string Id, string Title, string Dataset, bool Synthetic, IReadOnlyList<CheckOutcome> Checks, double Seconds, string? Note)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
