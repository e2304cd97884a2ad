namespace ILrg.Claims;

/// <summary>A claim of the paper that a suite checks: its plan, and how to measure one unit of its work.</summary>
public interface IClaim
{
    /// <summary>What the claim measures and how it is judged.</summary>
    ClaimPlan Plan { get; }

    /// <summary>Measures work unit <paramref name="unit"/> (0 ≤ unit &lt; <see cref="ClaimPlan.Units"/>): one trial of
    /// a run, or a whole run. Its seeds depend only on the claim's seed and the unit's run and trial.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="context">Data, device and progress.</param>
    /// <returns>One record per trial of the unit.</returns>
    IReadOnlyList<TrialRecord> Measure(int unit, ClaimContext context);
}
