using ILrg.Metrics;

namespace ILrg.Claims;

/// <summary>One check's measured value and verdict.</summary>
/// <param name="Method">The restorer (or variant) the figure belongs to, if any.</param>
/// <param name="Metric">The metric judged.</param>
/// <param name="Paper">The paper's figure, if any.</param>
/// <param name="Side">Which disagreement fails.</param>
/// <param name="Gate">The rule as text ("paper in PI", "paper ≤ PI high", "≥ 5.000").</param>
/// <param name="Measured">ILrg's mean over runs.</param>
/// <param name="Spread">K, T, the spread of the run means and the 95% prediction interval of one run (K ≥ 2).</param>
/// <param name="Verdict">"consistent", "above paper", "below paper", "meets gate" or "misses gate".</param>
/// <param name="Passed">Whether the verdict satisfies the check's side.</param>
/// <param name="Gated">Whether the check decides its claim.</param>
/// <param name="NotGatedBecause">Why it does not, when it does not.</param>
/// <param name="KnownDiscrepancy">When set, the paper's figure is known not to be reproduced (the reason); Passed then
/// means the verdict is still the recorded one.</param>
public sealed record CheckOutcome(
    string? Method, string Metric, double? Paper, CheckSide Side, string Gate, double Measured, RunSpread? Spread,
    string Verdict, bool Passed, bool Gated = true, string? NotGatedBecause = null, string? KnownDiscrepancy = null)
{
    /// <summary>True when the figure agrees with the paper (or meets its gate) and is not a known
    /// discrepancy.</summary>
    public bool Reproduced => Passed && KnownDiscrepancy is null;
}

/// <summary>A claim's outcome.</summary>
/// <param name="Id">The claim.</param>
/// <param name="Title">Human description.</param>
/// <param name="Suite">The suite the claim belongs to (quick, full, accelerator).</param>
/// <param name="Dataset">The data it ran on.</param>
/// <param name="Synthetic">True for a synthetic stand-in.</param>
/// <param name="Checks">Every check's outcome.</param>
/// <param name="Seconds">Summed wall time of its work units.</param>
/// <param name="Note">How the setting differs from the paper's, if it does.</param>
public sealed record ClaimOutcome(
    string Id, string Title, string Suite, string Dataset, bool Synthetic, IReadOnlyList<CheckOutcome> Checks,
    double Seconds, string? Note)
{
    /// <summary>True when every gated check is as expected (reproduced, or still the recorded known
    /// discrepancy).</summary>
    public bool Passed => Checks.Where(c => c.Gated).All(c => c.Passed);

    /// <summary>True when every gated check reproduces the paper (no known discrepancy among them).</summary>
    public bool Reproduced => Checks.Where(c => c.Gated).All(c => c.Reproduced);
}
