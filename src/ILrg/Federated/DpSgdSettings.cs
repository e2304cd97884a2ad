using System.Globalization;

namespace ILrg.Federated;

/// <summary>
/// DP-SGD as deployed (Abadi et al. 2016): during local training every per-sample gradient is clipped to L2 norm
/// <paramref name="ClipNorm"/>, the clipped gradients are summed, Gaussian noise N(0, (z·C)²) is added to every entry
/// and the sum is divided by the local batch size.
/// </summary>
/// <param name="ClipNorm">Per-sample clipping bound C &gt; 0.</param>
/// <param name="NoiseMultiplier">z ≥ 0 (noise standard deviation over C).</param>
/// <param name="Delta">The δ at which ε is reported (<see cref="RdpAccountant"/>).</param>
public sealed record DpSgdSettings(double ClipNorm = 1.0, double NoiseMultiplier = 1.0, double Delta = 1e-5)
{
    /// <summary>Checks C &gt; 0, z ≥ 0, δ ∈ (0, 1).</summary>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(ClipNorm) || ClipNorm <= 0)
        {
            throw new ArgumentException(Text($"DP-SGD clip norm must be a positive finite number, got {ClipNorm}"));
        }

        if (!double.IsFinite(NoiseMultiplier) || NoiseMultiplier < 0)
        {
            throw new ArgumentException(
                Text($"DP-SGD noise multiplier must be a finite number ≥ 0, got {NoiseMultiplier}"));
        }

        if (!(Delta > 0 && Delta < 1))
        {
            throw new ArgumentException(Text($"DP-SGD δ must be in (0, 1), got {Delta}"));
        }
    }

    /// <summary>The (ε, δ) spent by one client's local training of <paramref name="steps"/> steps of local batch
    /// <paramref name="batch"/> over <paramref name="n"/> samples (sampling rate q = B/N).</summary>
    public PrivacySpent Spent(int batch, int n, int steps) =>
        RdpAccountant.Epsilon((double)batch / n, NoiseMultiplier, steps, Delta);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
