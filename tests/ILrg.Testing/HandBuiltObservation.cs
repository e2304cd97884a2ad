using ILrg.Restoration;

namespace ILrg.Testing;

/// <summary>
/// Builds a <see cref="LastLayerObservation"/> in float64 from explicit per-sample embeddings, labels and a final layer,
/// with the closed forms of SPEC.md §1: g_b = (1/N) Σ (p_n − y_n), g_W = (1/N) Σ (p_n − y_n) h_nᵀ.
/// </summary>
public static class HandBuiltObservation
{
    /// <summary>The observation of a batch; <paramref name="embeddings"/>[n] is h_n (length d).</summary>
    public static LastLayerObservation FromBatch(double[,] weight, double[] bias, double[][] embeddings, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        int c = weight.GetLength(0), d = weight.GetLength(1), n = labels.Length;
        var gw = new double[c * d];
        var gb = new double[c];
        for (int s = 0; s < n; s++)
        {
            double[] p = Softmax(weight, bias, embeddings[s]);
            for (int i = 0; i < c; i++)
            {
                double diff = (p[i] - (labels[s] == i ? 1.0 : 0.0)) / n;
                gb[i] += diff;
                for (int r = 0; r < d; r++)
                {
                    gw[i * d + r] += diff * embeddings[s][r];
                }
            }
        }

        var w = new double[c * d];
        for (int i = 0; i < c; i++)
        {
            for (int r = 0; r < d; r++)
            {
                w[i * d + r] = weight[i, r];
            }
        }

        return new LastLayerObservation(w, bias, gw, gb, c, d, n);
    }

    /// <summary>softmax(W h + b).</summary>
    public static double[] Softmax(double[,] weight, double[] bias, double[] h)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(h);
        int c = weight.GetLength(0);
        var z = new double[c];
        for (int i = 0; i < c; i++)
        {
            z[i] = bias[i];
            for (int r = 0; r < h.Length; r++)
            {
                z[i] += weight[i, r] * h[r];
            }
        }

        double max = z.Max();
        double[] e = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>An observation with the given gradients and a zero final layer (for rules that read only gradients).</summary>
    public static LastLayerObservation FromGradients(double[,] weightGradient, double[] biasGradient, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(weightGradient);
        ArgumentNullException.ThrowIfNull(biasGradient);
        int c = weightGradient.GetLength(0), d = weightGradient.GetLength(1);
        var gw = new double[c * d];
        for (int i = 0; i < c; i++)
        {
            for (int r = 0; r < d; r++)
            {
                gw[i * d + r] = weightGradient[i, r];
            }
        }

        return new LastLayerObservation(new double[c * d], new double[c], gw, biasGradient, c, d, batchSize);
    }
}
