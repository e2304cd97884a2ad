namespace ILrg.Restoration.Plus;

/// <summary>
/// Stage 1 of iLRG+: the counts from an estimate of the batch-mean probability vector p̄, which is all iLRG's system
/// needs, because Σ_j k_j·P̄_j = N·p̄ exactly (P̄_j the class means), so k = N·(p̄ − g_b).
/// </summary>
/// <remarks>
/// With h̄ the batch-mean embedding and δ_i = h̄_i − h̄ the class deviations, the rows are exactly
/// g_W[i] = g_b[i]·h̄ − (k_i·δ_i − Q_i)/N, Q_i = Σ_n (p_n[i] − p̄[i])(h_n − h̄) (small for a flat softmax). iLRG's
/// ê_i = g_W[i]/g_b[i] divides by g_b[i], which tends to 0 as N grows; stage 1 instead takes the weighted mean
/// ĥ = Σ_i c_i g_W[i] / Σ_i c_i g_b[i] with c_i = g_b[i]/max(k_i, ½)^γ: the least-squares estimate of h̄ when the
/// class deviations are independent with variance ∝ 1 (γ = 2; γ = 1 weights by class size). For non-negative
/// embeddings every class sum Σ_{n∈i} h_n = Σ_n p_n[i] h_n − N·g_W[i] is ≥ 0, so h̄[r] ≥ g_W[i][r]/p̄[i] for every
/// class (equality when class i is zero on unit r, which a third of FCN-3's units are for some class): ĥ is raised
/// to that bound. Then p̂ = softmax(α(Wĥ + b)), k = N(p̂ − g_b), and the weights are updated from k.
/// </remarks>
public static class MeanEmbeddingEstimator
{
    /// <summary>Runs stage 1 from <paramref name="start"/> (e.g. iLRG's real-valued solution).</summary>
    /// <returns>The estimate, or null when the observation carries no bias gradient to weigh with (g_b = 0).</returns>
    public static MeanEmbeddingEstimate? Estimate(
        LastLayerObservation observation, ReadOnlySpan<double> start, ILrgPlusOptions options, bool nonNegative)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(options);
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        int n = observation.BatchSize;
        if (start.Length != c)
        {
            throw new ArgumentException($"start has {start.Length} counts for {c} classes", nameof(start));
        }

        ReadOnlySpan<double> gw = observation.WeightGradient;
        ReadOnlySpan<double> gb = observation.BiasGradient;
        var k = new double[c];
        for (int i = 0; i < c; i++)
        {
            k[i] = double.IsFinite(start[i]) ? Math.Max(start[i], 0) : 0;
        }

        MeanEmbeddingEstimate? estimate = null;
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            var h = new double[d];
            double denominator = 0;
            for (int i = 0; i < c; i++)
            {
                double weight = gb[i] / Math.Pow(Math.Max(k[i], 0.5), options.WeightExponent);
                denominator += weight * gb[i];
                ReadOnlySpan<double> row = gw.Slice(i * d, d);
                for (int r = 0; r < d; r++)
                {
                    h[r] += weight * row[r];
                }
            }

            if (!(denominator > 0) || !double.IsFinite(denominator))
            {
                return estimate;
            }

            for (int r = 0; r < d; r++)
            {
                h[r] /= denominator;
            }

            int bounded = nonNegative ? RaiseToBound(observation, h, options.Alpha) : 0;
            double[] p = Probabilities(observation, h, options.Alpha);
            var counts = new double[c];
            for (int i = 0; i < c; i++)
            {
                counts[i] = n * (p[i] - gb[i]);
                k[i] = Math.Max(counts[i], 0);
            }

            if (counts.Any(v => !double.IsFinite(v)))
            {
                return estimate;
            }

            estimate = new MeanEmbeddingEstimate(counts, p, h, bounded);
        }

        return estimate;
    }

    /// <summary>softmax(α·(W h + b)).</summary>
    public static double[] Probabilities(LastLayerObservation observation, ReadOnlySpan<double> h, double alpha)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        ReadOnlySpan<double> w = observation.Weight;
        var z = new double[c];
        for (int i = 0; i < c; i++)
        {
            double s = observation.Bias[i];
            ReadOnlySpan<double> row = w.Slice(i * d, d);
            for (int r = 0; r < d; r++)
            {
                s += row[r] * h[r];
            }

            z[i] = alpha * s;
        }

        return Softmax(z);
    }

    /// <summary>Numerically stable softmax.</summary>
    public static double[] Softmax(ReadOnlySpan<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }

        var e = new double[z.Length];
        double sum = 0;
        for (int i = 0; i < z.Length; i++)
        {
            e[i] = Math.Exp(z[i] - max);
            sum += e[i];
        }

        for (int i = 0; i < z.Length; i++)
        {
            e[i] /= sum;
        }

        return e;
    }

    /// <summary>h[r] ← max(h[r], 0, max_i g_W[i][r]/p̂[i]) with p̂ from the current h; returns how many entries
    /// rose.</summary>
    private static int RaiseToBound(LastLayerObservation observation, double[] h, double alpha)
    {
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        ReadOnlySpan<double> gw = observation.WeightGradient;
        double[] p = Probabilities(observation, h, alpha);
        int raised = 0;
        for (int r = 0; r < d; r++)
        {
            double bound = 0;
            for (int i = 0; i < c; i++)
            {
                if (p[i] > 0)
                {
                    bound = Math.Max(bound, gw[i * d + r] / p[i]);
                }
            }

            if (h[r] < bound)
            {
                h[r] = bound;
                raised++;
            }
        }

        return raised;
    }
}
