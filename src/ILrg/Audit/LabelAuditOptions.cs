namespace ILrg.Audit;

/// <summary>Settings of a <see cref="LabelAudit"/>.</summary>
/// <param name="Methods">Registry names of the methods to run (observation-only ones; see
/// <see cref="LabelAudit.AvailableMethods"/>); null runs them all. iLRG (<c>ilrg</c>) always runs first: the verdict
/// is judged on it.</param>
/// <param name="Seed">Seed of the methods' own randomness (the SVD method's perceptron).</param>
/// <param name="Thresholds">When a certificate is strong; null takes <see cref="AuditThresholds.Calibrated"/>.</param>
public sealed record LabelAuditOptions(
    IReadOnlyList<string>? Methods = null,
    ulong Seed = 0,
    AuditThresholds? Thresholds = null);
