using static TorchSharp.torch;

namespace ILrg.Restoration.Plus;

/// <summary>
/// Stage 2 of iLRG+: unmixing the class embeddings on the classes judged present (S), iterated to a fixed point.
/// </summary>
/// <remarks>
/// When every sample of class j shares one embedding h̄_j (or to first order, with P̄_j the class-mean probability),
/// N·g_W = Σ_{j∈S} (P_j − e_j)·k_j·h̄_jᵀ and N·g_b = Σ_{j∈S} k_j·(P_j − e_j). With M = [P_j − e_j]_{j∈S} (C×|S|, full
/// column rank when |S| &lt; C), k_S = M⁺·N·g_b and the rows of M⁺·N·g_W are k_j·h̄_j; then
/// P_j = softmax(α(W h̄_j + b)) and the step repeats. The true (k, P) is a fixed point, so the stage is exact on such
/// updates once S is right.
/// With every class present M has rank C − 1 (its columns sum to zero) and the class sums are determined only up to
/// one embedding-sized vector: the counts are then not identifiable from the observation without a prior, and the
/// stage is skipped (docs/beyond-the-paper.md).
/// </remarks>
public static class ClassUnmixing
{
    /// <summary>Change of the counts below which the iteration stops.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Refines <paramref name="counts"/> (real-valued; S = classes that round to a positive count).</summary>
    /// <param name="observation">What the attacker sees.</param>
    /// <param name="counts">Starting counts (stage 1).</param>
    /// <param name="start">Starting probability vector for every class in S (stage 1's p̂).</param>
    /// <param name="options">α and the iteration count.</param>
    /// <returns>Counts (0 outside S) and the class probabilities (p̂ outside S); null when S is empty or every
    /// class.</returns>
    public static (double[] Counts, double[][] Probabilities)? Refine(
        LastLayerObservation observation, double[] counts, double[] start, ILrgPlusOptions options)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(options);
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        int n = observation.BatchSize;
        int[] present = Enumerable.Range(0, c).Where(j => Math.Round(Math.Max(counts[j], 0)) > 0).ToArray();
        if (present.Length == 0 || present.Length >= c || options.UnmixIterations == 0)
        {
            return null;
        }

        using var scope = NewDisposeScope();
        Tensor w = tensor(observation.Weight.ToArray(), float64).reshape(c, d);
        Tensor b = tensor(observation.Bias.ToArray(), float64);
        Tensor ngw = tensor(observation.WeightGradient.ToArray(), float64).reshape(c, d) * n;
        Tensor ngb = tensor(observation.BiasGradient.ToArray(), float64) * n;
        Tensor columns = tensor(present.Select(j => (long)j).ToArray(), int64);
        Tensor selector = eye(c, dtype: float64).index_select(1, columns); // C×|S|: e_j for j in S
        Tensor p = tensor(start, float64).unsqueeze(1).expand(c, present.Length).contiguous(); // column j = P_j
        double[] k = present.Select(j => Math.Max(counts[j], 0)).ToArray();
        for (int iteration = 0; iteration < options.UnmixIterations; iteration++)
        {
            using var step = NewDisposeScope();
            Tensor pinv = linalg.pinv(p - selector);
            double[] next = pinv.matmul(ngb).data<double>().ToArray();
            if (next.Any(v => !double.IsFinite(v)))
            {
                return null;
            }

            Tensor sums = pinv.matmul(ngw); // |S|×d, row j = k_j·h̄_j
            Tensor scale = tensor(next.Select(v => 1.0 / Math.Max(v, 0.25)).ToArray(), float64).unsqueeze(1);
            Tensor logits = (sums * scale).matmul(w.t()) + b; // |S|×C
            p.copy_(nn.functional.softmax(logits * options.Alpha, 1).t());
            double change = next.Zip(k, (x, y) => Math.Abs(x - y)).Max();
            k = next;
            if (change < Tolerance)
            {
                break;
            }
        }

        var full = new double[c];
        var probabilities = new double[c][];
        double[] pt = p.t().contiguous().data<double>().ToArray();
        for (int j = 0; j < c; j++)
        {
            probabilities[j] = start;
        }

        for (int s = 0; s < present.Length; s++)
        {
            full[present[s]] = k[s];
            probabilities[present[s]] = pt.AsSpan(s * c, c).ToArray();
        }

        return (full, probabilities);
    }
}
