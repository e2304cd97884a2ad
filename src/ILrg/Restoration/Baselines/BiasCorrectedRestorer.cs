using System.Collections.Immutable;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// Bias-corrected / EBI counts: the LLG greedy scheme (<see cref="GreedyCounter"/>) on the bias gradient g_b with
/// impact m = (sum of the negative entries of g_b) / N. Instance-wise; the counts sum to N.
/// </summary>
/// <remarks>SPEC.md §3 ("breaching's bias-corrected strategy"); issue 5. N·g_b[i] = Σ_n p_n[i] − k_i, so a present
/// class sits about k_i/N below zero and each instance is worth about −1/N.</remarks>
public sealed class BiasCorrectedRestorer : ILabelRestorer
{
    /// <inheritdoc />
    public string Name => "ebi";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        double negative = 0;
        foreach (double g in observation.BiasGradient)
        {
            negative += Math.Min(g, 0.0);
        }

        double impact = negative / observation.BatchSize;
        var counts = GreedyCounter.Count(observation.BiasGradient, impact, observation.BatchSize).ToImmutableArray();
        return new LabelRestoration(Name, counts, counts, null, IsInstanceWise: true);
    }
}
