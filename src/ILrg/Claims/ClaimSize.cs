namespace ILrg.Claims;

/// <summary>K runs of T trials: how large a claim is measured in a suite.</summary>
/// <param name="Runs">K ≥ 2 for a statistical judgement.</param>
/// <param name="Trials">T per run (the paper: 50).</param>
public sealed record ClaimSize(int Runs, int Trials)
{
    /// <summary>The paper's T with the full suite's K.</summary>
    public static ClaimSize Full { get; } = new(10, 50);
}
