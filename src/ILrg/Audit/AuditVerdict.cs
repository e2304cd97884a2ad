using System.Globalization;

namespace ILrg.Audit;

/// <summary>The one-line answer of an audit, judged on the primary method (iLRG) with calibrated thresholds.</summary>
/// <param name="Strong">True when every check passed.</param>
/// <param name="PresentClasses">Classes with a positive count in the primary method's restoration.</param>
/// <param name="Text">"labels recoverable: k classes, certificate strong" or "inconclusive because …".</param>
/// <param name="Reasons">The failed checks, one sentence each (empty when strong).</param>
public sealed record AuditVerdict(bool Strong, int PresentClasses, string Text, IReadOnlyList<string> Reasons)
{
    /// <summary>Judges the primary method's certificate together with the observation's.</summary>
    public static AuditVerdict Judge(
        MethodAudit primary, SystemCertificate system, int batchSize, AuditThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(thresholds);
        AuditCertificate c = primary.Certificate;
        var reasons = new List<string>();
        double defect = Math.Max(system.BiasSumDefect, system.WeightSumDefect);
        if (defect > thresholds.MaxSumDefect)
        {
            reasons.Add(Say($"the gradients break the softmax identity Σ_i g[i] = 0 (relative defect {defect:G3}, ")
                        + Say($"allowed {thresholds.MaxSumDefect:G3}): not a plain cross-entropy gradient"));
        }

        if (system.Rank < system.Unknowns)
        {
            reasons.Add(Say($"iLRG's system is rank-deficient (rank {system.Rank} < {system.Unknowns} unknowns)"));
        }

        if (c.CountSum is { } sum && sum != batchSize)
        {
            reasons.Add(Say($"{primary.Method}'s counts sum to {sum}, not N = {batchSize}"));
        }

        if (c.MinBoundaryDistance is { } distance && distance < thresholds.MinBoundaryDistance
            && c.WeakestClass is { } weakest && primary.Solution is { } solution)
        {
            reasons.Add(Say($"class {weakest}'s solution {solution[weakest]:F3} lies {distance:F3} from a rounding ")
                        + Say($"boundary (strong needs ≥ {thresholds.MinBoundaryDistance:F3})"));
        }

        if (c.BiasResidual is { } residual && residual > thresholds.MaxBiasResidual)
        {
            reasons.Add(Say($"the counts re-synthesise N·g_b with relative residual {residual:F3} ")
                        + Say($"(strong needs ≤ {thresholds.MaxBiasResidual:F3})"));
        }

        int present = primary.Counts.Count(k => k > 0);
        string text = reasons.Count == 0
            ? Say($"labels recoverable: {present} classes, certificate strong")
            : "inconclusive because " + string.Join("; ", reasons);
        return new AuditVerdict(reasons.Count == 0, present, text, reasons);
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
