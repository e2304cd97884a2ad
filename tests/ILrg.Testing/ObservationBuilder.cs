using ILrg.Numerics;
using ILrg.Restoration;

namespace ILrg.Testing;

/// <summary>Builds attacker observations in plain float64 from embeddings and labels, independently of the library's
/// client code (an oracle for the restorer's tests); the arithmetic is the library's
/// <see cref="SyntheticObservation"/>, shared with <c>ilrg bench</c>.</summary>
public static class ObservationBuilder
{
    /// <summary>The observation of a batch where sample n has embedding <paramref name="embeddings"/>[n] and label
    /// <paramref name="labels"/>[n], through a final layer (W, b): g_b = mean(p − y), g_W = mean((p − y) hᵀ).</summary>
    public static LastLayerObservation FromSamples(
        double[] weight, double[] bias, int classes, int embeddingSize, IReadOnlyList<double[]> embeddings,
        IReadOnlyList<int> labels) =>
        SyntheticObservation.FromSamples(weight, bias, classes, embeddingSize, embeddings, labels);

    /// <summary>The observation of a batch from a C×d final layer; <paramref name="embeddings"/>[n] is h_n (length
    /// d).</summary>
    public static LastLayerObservation FromBatch(double[,] weight, double[] bias, double[][] embeddings, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(labels);
        return FromSamples(Flatten(weight), bias, weight.GetLength(0), weight.GetLength(1), embeddings, labels);
    }

    /// <summary>An observation with the given gradients and a zero final layer (for rules that read only
    /// gradients).</summary>
    public static LastLayerObservation FromGradients(double[,] weightGradient, double[] biasGradient, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(weightGradient);
        int c = weightGradient.GetLength(0), d = weightGradient.GetLength(1);
        return new LastLayerObservation(new double[c * d], new double[c], Flatten(weightGradient), biasGradient, c, d,
            batchSize);
    }

    /// <summary>softmax(W h + b) for a C×d final layer.</summary>
    public static double[] Softmax(double[,] weight, double[] bias, double[] h)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return Softmax(Logits(Flatten(weight), bias, weight.GetLength(0), weight.GetLength(1), h));
    }

    /// <summary>A C×d matrix in row-major order.</summary>
    public static double[] Flatten(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int c = matrix.GetLength(0), d = matrix.GetLength(1);
        var flat = new double[c * d];
        for (int i = 0; i < c; i++)
        {
            for (int r = 0; r < d; r++)
            {
                flat[i * d + r] = matrix[i, r];
            }
        }

        return flat;
    }

    /// <summary>A batch with the given counts where every sample shares one random non-negative embedding; small random
    /// W and b (so that present classes have a negative bias gradient).</summary>
    public static LastLayerObservation SharedEmbedding(IReadOnlyList<int> counts, int embeddingSize, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rng = new DeterministicRandom(seed);
        int classes = counts.Count;
        double[] weight = Uniform(rng, classes * embeddingSize, 0.1);
        double[] bias = Uniform(rng, classes, 0.1);
        double[] h = Enumerable.Range(0, embeddingSize).Select(_ => rng.NextDouble()).ToArray();
        int[] labels = counts.SelectMany((k, c) => Enumerable.Repeat(c, k)).ToArray();
        return FromSamples(weight, bias, classes, embeddingSize, labels.Select(_ => h).ToArray(), labels);
    }

    /// <summary>Uniform values in (−scale, scale).</summary>
    public static double[] Uniform(DeterministicRandom rng, int count, double scale) =>
        SyntheticObservation.Uniform(rng, count, scale);

    /// <summary>W h + b for one embedding.</summary>
    public static double[] Logits(double[] weight, double[] bias, int classes, int embeddingSize, double[] h) =>
        SyntheticObservation.Logits(weight, bias, classes, embeddingSize, h);

    /// <summary>Numerically stable softmax.</summary>
    public static double[] Softmax(double[] z) => SyntheticObservation.Softmax(z);
}
