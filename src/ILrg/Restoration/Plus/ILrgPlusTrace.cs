using System.Collections.Immutable;

namespace ILrg.Restoration.Plus;

/// <summary>A restoration by <see cref="ILrgPlusRestorer"/> with how it was reached.</summary>
/// <param name="Restoration">The result every restorer returns.</param>
/// <param name="Stage">The stage whose counts were returned.</param>
/// <param name="StartCounts">iLRG's counts (res), the starting point.</param>
/// <param name="StartResidual">‖Σ_j k_j (P_j − e_j) − N·g_b‖₂ of <see cref="StartCounts"/> under the final class
/// probabilities P (NaN for the ray stage, which fits no probabilities).</param>
/// <param name="FinalResidual">The same for the returned counts.</param>
/// <param name="NonNegative">Whether non-negative embeddings were assumed (given or detected).</param>
/// <param name="Flatness">The regime indicator: the pure rays' flatness, else the normalised perplexity of stage 1's
/// p̂ (near 1 for a flat, untrained softmax); NaN when neither exists.</param>
/// <param name="Rays">Stage 3's decomposition when it ran.</param>
public sealed record ILrgPlusTrace(
    LabelRestoration Restoration,
    ILrgPlusStage Stage,
    ImmutableArray<int> StartCounts,
    double StartResidual,
    double FinalResidual,
    bool NonNegative,
    double Flatness,
    SampleRays? Rays);
