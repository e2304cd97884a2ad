namespace ILrg.Audit;

/// <summary>
/// Properties of the observation itself, before any method: the full iLRG system (SPEC.md §2 steps 1–4) and two
/// identities every batch-mean (or sum) softmax cross-entropy gradient satisfies: Σ_i g_b[i] = 0 and Σ_i g_W[i, :] = 0,
/// because the softmax probabilities of each sample sum to 1 like its one-hot label.
/// </summary>
/// <param name="Rank">Numerical rank of iLRG's (C+1)×C system [1ᵀ; Pᵀ − I].</param>
/// <param name="Unknowns">Its number of unknowns, C; full column rank means <see cref="Rank"/> equals it.</param>
/// <param name="ConditionNumber">Largest over smallest retained singular value (null when not finite).</param>
/// <param name="BiasSumDefect">|Σ_i g_b[i]| / Σ_i |g_b[i]|: about float32 round-off for a softmax cross-entropy
/// gradient; large when the vector is something else (another loss, weight decay or a defence added to it).</param>
/// <param name="WeightSumDefect">‖Σ_i g_W[i, :]‖₂ / Σ_i ‖g_W[i, :]‖₂, the same identity for g_W.</param>
public sealed record SystemCertificate(
    int Rank,
    int Unknowns,
    double? ConditionNumber,
    double BiasSumDefect,
    double WeightSumDefect);
