namespace ILrg.Audit;

/// <summary>
/// When a certificate is strong. The defaults (<see cref="Calibrated"/>) come from the calibration on simulated
/// updates with known truth in docs/audit-calibration.md, which states the command that produced them and how often a
/// strong certificate came with wrong counts there.
/// </summary>
/// <param name="MinBoundaryDistance">Every class's real-valued solution must lie at least this far from a rounding
/// boundary (0 … 0.5).</param>
/// <param name="MaxBiasResidual">The restored counts must re-synthesise N·g_b with at most this relative residual.
/// </param>
/// <param name="MaxSumDefect">The gradients must satisfy the softmax identities (Σ_i g_b[i] = 0, Σ_i g_W[i,:] = 0) up
/// to this relative defect (<see cref="SystemCertificate"/>).</param>
public sealed record AuditThresholds(double MinBoundaryDistance, double MaxBiasResidual, double MaxSumDefect)
{
    /// <summary>
    /// The thresholds fitted in docs/audit-calibration.md on 1200 simulated updates (FCN-3 on real MNIST, LeNet-5 on
    /// the CIFAR-100-shaped stand-in, N = 8 … 256). On 1200 other updates, 0 of the 715 strong certificates came with
    /// a wrong count (95% Wilson upper bound 0.5%), and 55 of the 770 right restorations (7.1%) were called
    /// inconclusive.
    /// </summary>
    public static AuditThresholds Calibrated { get; } = new(0.2, 0.221, 1e-5);

    /// <summary>Checks the values are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range or not finite.</exception>
    public void Validate()
    {
        if (!(MinBoundaryDistance is >= 0 and <= 0.5))
        {
            throw new ArgumentOutOfRangeException(
                nameof(MinBoundaryDistance), MinBoundaryDistance, "the boundary distance must lie in [0, 0.5]");
        }

        if (!double.IsFinite(MaxBiasResidual) || MaxBiasResidual < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxBiasResidual), MaxBiasResidual, "the residual bound must be a finite non-negative number");
        }

        if (!double.IsFinite(MaxSumDefect) || MaxSumDefect < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxSumDefect), MaxSumDefect, "the sum-defect bound must be a finite non-negative number");
        }
    }
}
