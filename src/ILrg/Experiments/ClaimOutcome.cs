namespace ILrg.Experiments;

/// <summary>One check's measured value and verdict.</summary>
public sealed record CheckOutcome(string Metric, double? Paper, double Threshold, double Measured, bool Passed);

/// <summary>A claim's outcome.</summary>
public sealed record ClaimOutcome(
    string Id, string Title, string Dataset, bool Synthetic, IReadOnlyList<CheckOutcome> Checks, double Seconds, string? Note)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
