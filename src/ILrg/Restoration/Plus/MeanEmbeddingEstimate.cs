namespace ILrg.Restoration.Plus;

/// <summary>The outcome of stage 1 of iLRG+ (<see cref="MeanEmbeddingEstimator"/>).</summary>
/// <param name="Counts">Real-valued counts k = N·(p̂ − g_b) (before rounding; they sum to N).</param>
/// <param name="Probabilities">p̂ = softmax(α·(W ĥ + b)), the estimate of the batch-mean probability vector.</param>
/// <param name="Embedding">ĥ, the estimate of the batch-mean embedding.</param>
/// <param name="BoundedEntries">How many entries of ĥ the non-negativity bound raised in the last iteration.</param>
public sealed record MeanEmbeddingEstimate(
    double[] Counts, double[] Probabilities, double[] Embedding, int BoundedEntries);
