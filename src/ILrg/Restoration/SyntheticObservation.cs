using ILrg.Numerics;

namespace ILrg.Restoration;

/// <summary>
/// Builds attacker observations in plain float64 from embeddings and labels, without a network or libtorch: the
/// restoration step alone can then be timed (<c>ilrg bench</c>, the BenchmarkDotNet project) and tested against an
/// oracle that shares no code with the client (tests' ObservationBuilder).
/// </summary>
public static class SyntheticObservation
{
    /// <summary>
    /// The observation of a batch where sample n has embedding <paramref name="embeddings"/>[n] and label
    /// <paramref name="labels"/>[n], through a final layer (W, b) of C×d, row-major: g_b = mean(p − y),
    /// g_W = mean((p − y) hᵀ).
    /// </summary>
    /// <remarks>SPEC.md §1: the gradients of the batch-mean cross-entropy at the final layer.</remarks>
    public static LastLayerObservation FromSamples(
        double[] weight, double[] bias, int classes, int embeddingSize, IReadOnlyList<double[]> embeddings,
        IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        int n = labels.Count;
        var gb = new double[classes];
        var gw = new double[classes * embeddingSize];
        for (int s = 0; s < n; s++)
        {
            double[] p = Softmax(Logits(weight, bias, classes, embeddingSize, embeddings[s]));
            for (int i = 0; i < classes; i++)
            {
                double diff = (p[i] - (labels[s] == i ? 1.0 : 0.0)) / n;
                gb[i] += diff;
                for (int r = 0; r < embeddingSize; r++)
                {
                    gw[i * embeddingSize + r] += diff * embeddings[s][r];
                }
            }
        }

        return new LastLayerObservation(weight, bias, gw, gb, classes, embeddingSize, n);
    }

    /// <summary>
    /// A random batch of <paramref name="batchSize"/> samples from <paramref name="seed"/>: W and b uniform in
    /// ±1/√d (PyTorch's Linear initialisation), uniformly drawn labels, and non-negative embeddings uniform in
    /// [0, 1) (post-ReLU features).
    /// </summary>
    /// <exception cref="ArgumentException">C, d or N below 1.</exception>
    public static LastLayerObservation Random(int classes, int embeddingSize, int batchSize, ulong seed)
    {
        Guard.AtLeast(classes, 1, nameof(classes));
        Guard.AtLeast(embeddingSize, 1, nameof(embeddingSize));
        Guard.AtLeast(batchSize, 1, nameof(batchSize));
        var rng = new DeterministicRandom(seed);
        double scale = 1.0 / Math.Sqrt(embeddingSize);
        double[] w = Uniform(rng, classes * embeddingSize, scale);
        double[] b = Uniform(rng, classes, scale);
        int[] labels = [.. Enumerable.Range(0, batchSize).Select(_ => rng.NextInt(classes))];
        double[][] h =
            [.. labels.Select(_ => Enumerable.Range(0, embeddingSize).Select(_ => rng.NextDouble()).ToArray())];
        return FromSamples(w, b, classes, embeddingSize, h, labels);
    }

    /// <summary>Uniform values in (−scale, scale).</summary>
    public static double[] Uniform(DeterministicRandom rng, int count, double scale)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Enumerable.Range(0, count).Select(_ => (2 * rng.NextDouble() - 1) * scale).ToArray();
    }

    /// <summary>W h + b for one embedding.</summary>
    public static double[] Logits(double[] weight, double[] bias, int classes, int embeddingSize, double[] h)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(h);
        var z = new double[classes];
        for (int i = 0; i < classes; i++)
        {
            double s = bias[i];
            for (int r = 0; r < embeddingSize; r++)
            {
                s += weight[i * embeddingSize + r] * h[r];
            }

            z[i] = s;
        }

        return z;
    }

    /// <summary>Numerically stable softmax.</summary>
    public static double[] Softmax(double[] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        double max = z.Max();
        double[] e = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
