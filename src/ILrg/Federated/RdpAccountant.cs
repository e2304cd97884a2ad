namespace ILrg.Federated;

/// <summary>
/// The Rényi-DP accountant of the sampled Gaussian mechanism (Mironov, Talwar and Zhang 2019, "Rényi Differential
/// Privacy of the Sampled Gaussian Mechanism"), at integer orders — the accountant of TF Privacy and Opacus, written
/// here from the paper's formula.
/// </summary>
/// <remarks>
/// One step with sampling rate q and noise multiplier σ has, at integer order α ≥ 2,
/// RDP(α) = log(A_α)/(α−1), A_α = Σ_{k=0}^{α} C(α,k)·(1−q)^{α−k}·q^k·exp((k²−k)/(2σ²)) (the paper's Eq. for
/// integer α); T steps compose additively. (ε, δ) follows by the conversion of Balle et al. 2020 (Thm. 21),
/// ε = T·RDP(α) + log((α−1)/α) − (log δ + log α)/(α−1), minimised over the orders (what Opacus uses), or by the
/// classic conversion ε = T·RDP(α) − log δ/(α−1) (Mironov 2017, Prop. 3). Only integer orders are used, which is
/// conservative (a finer grid of fractional orders can only lower ε). Deployed local DP-SGD shuffles rather than
/// Poisson-samples its batches; accounting it with q = B/N is the standard approximation frameworks make.
/// </remarks>
public static class RdpAccountant
{
    /// <summary>The default orders: 2…64 and 80, 96, 128, 256.</summary>
    public static IReadOnlyList<int> DefaultOrders { get; } = [.. Enumerable.Range(2, 63), 80, 96, 128, 256];

    /// <summary>How RDP turns into (ε, δ).</summary>
    public enum Conversion
    {
        /// <summary>Balle et al. 2020, Thm. 21 (tighter; Opacus).</summary>
        Improved,

        /// <summary>Mironov 2017, Prop. 3.</summary>
        Classic,
    }

    /// <summary>RDP of one step of the sampled Gaussian mechanism at integer order <paramref name="order"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">q outside [0, 1], σ ≤ 0 or α &lt; 2.</exception>
    public static double StepRdp(double sampleRate, double noiseMultiplier, int order)
    {
        if (!(sampleRate >= 0 && sampleRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate,
                "the sampling rate q must be in [0, 1]");
        }

        if (!(noiseMultiplier > 0) || !double.IsFinite(noiseMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier,
                "σ must be positive and finite");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(order, 2);
        if (sampleRate == 0)
        {
            return 0;
        }

        double s2 = 2 * noiseMultiplier * noiseMultiplier;
        if (sampleRate == 1)
        {
            return order / s2; // the Gaussian mechanism itself: α/(2σ²)
        }

        double logQ = Math.Log(sampleRate), log1mQ = Math.Log(1 - sampleRate);
        var terms = new double[order + 1];
        double logBinomial = 0; // log C(α, 0)
        for (int k = 0; k <= order; k++)
        {
            terms[k] = logBinomial + k * logQ + (order - k) * log1mQ + ((double)k * k - k) / s2;
            logBinomial += Math.Log(order - k) - Math.Log(k + 1);
        }

        double max = terms.Max();
        double logA = max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
        return logA / (order - 1);
    }

    /// <summary>
    /// The smallest ε over <paramref name="orders"/> for <paramref name="steps"/> steps at sampling rate
    /// <paramref name="sampleRate"/> and noise multiplier <paramref name="noiseMultiplier"/> (infinity when it is 0).
    /// </summary>
    public static PrivacySpent Epsilon(
        double sampleRate, double noiseMultiplier, int steps, double delta, IReadOnlyList<int>? orders = null,
        Conversion conversion = Conversion.Improved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be in (0, 1)");
        }

        orders ??= DefaultOrders;
        if (noiseMultiplier == 0)
        {
            return new PrivacySpent(double.PositiveInfinity, delta, orders[0]);
        }

        var best = new PrivacySpent(double.PositiveInfinity, delta, orders[0]);
        foreach (int order in orders)
        {
            double rdp = steps * StepRdp(sampleRate, noiseMultiplier, order);
            double eps = conversion == Conversion.Improved
                ? rdp + Math.Log(1.0 - 1.0 / order) - (Math.Log(delta) + Math.Log(order)) / (order - 1)
                : rdp - Math.Log(delta) / (order - 1);
            if (eps < best.Epsilon)
            {
                best = new PrivacySpent(Math.Max(0, eps), delta, order);
            }
        }

        return best;
    }
}
