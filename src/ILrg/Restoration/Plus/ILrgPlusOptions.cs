using System.Globalization;

namespace ILrg.Restoration.Plus;

/// <summary>Settings of <see cref="ILrgPlusRestorer"/>; the defaults are the ones measured in
/// docs/beyond-the-paper.md.</summary>
/// <param name="Alpha">Softmax factor α of the class probabilities (SPEC.md §2 step 2; 1 in the paper).</param>
/// <param name="Sign">Whether embeddings are non-negative (enables the bound of stage 1 and the rays of stage
/// 3).</param>
/// <param name="Iterations">Fixed-point iterations of the mean-embedding estimate (stage 1).</param>
/// <param name="WeightExponent">γ in the class weights c_i = g_b[i] / max(k_i, ½)^γ of stage 1.</param>
/// <param name="UnmixIterations">Iterations of the class unmixing (stage 2); 0 switches the stage off.</param>
/// <param name="UseRays">Allow the per-sample ray decomposition (stage 3) for confident models.</param>
/// <param name="FlatnessGate">Below this the model counts as confident (the pure rays' median normalised leak
/// perplexity, else stage 1's p̂'s normalised perplexity): stage 3's rays are used, or iLRG's answer is kept.</param>
/// <param name="MaxGreedyRays">Most rays stage 3 may add by the greedy residual search beyond the pure ones.</param>
public sealed record ILrgPlusOptions(
    double Alpha = 1.0,
    EmbeddingSign Sign = EmbeddingSign.Auto,
    int Iterations = 5,
    double WeightExponent = 2.0,
    int UnmixIterations = 30,
    bool UseRays = true,
    double FlatnessGate = 0.8,
    int MaxGreedyRays = 16)
{
    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its valid range (named in the
    /// message).</exception>
    public void Validate()
    {
        Check(double.IsFinite(Alpha) && Alpha > 0, nameof(Alpha), Alpha, "a positive finite number");
        Check(Enum.IsDefined(Sign), nameof(Sign), Sign, "Auto, NonNegative or AnySign");
        Check(Iterations >= 1, nameof(Iterations), Iterations, "at least 1");
        Check(double.IsFinite(WeightExponent) && WeightExponent >= 0, nameof(WeightExponent), WeightExponent,
            "a finite number ≥ 0");
        Check(UnmixIterations >= 0, nameof(UnmixIterations), UnmixIterations, "at least 0");
        Check(FlatnessGate is >= 0 and <= 1, nameof(FlatnessGate), FlatnessGate, "in [0, 1]");
        Check(MaxGreedyRays >= 0, nameof(MaxGreedyRays), MaxGreedyRays, "at least 0");
    }

    private static void Check(bool ok, string name, object value, string valid)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value,
                string.Create(CultureInfo.InvariantCulture, $"iLRG+ option {name} must be {valid}, got {value}"));
        }
    }
}
