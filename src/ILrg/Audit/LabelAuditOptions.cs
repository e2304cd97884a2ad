using ILrg.Restoration.Registry;

namespace ILrg.Audit;

/// <summary>Settings of a <see cref="LabelAudit"/>.</summary>
/// <param name="Methods">Registry names of the methods to run (observation-only ones; see
/// <see cref="LabelAudit.AvailableMethods"/>, and with a <paramref name="Context"/> also those whose needs it meets);
/// null runs every one whose needs are met. iLRG (<c>ilrg</c>) always runs first: the verdict is judged on it.</param>
/// <param name="Seed">Seed of the methods' own randomness (the SVD method's perceptron, dummy inputs).</param>
/// <param name="Thresholds">When a certificate is strong; null takes <see cref="AuditThresholds.Calibrated"/>.</param>
/// <param name="Context">What the auditor has beyond the observation: the model and its input shape (methods that
/// need forward passes), auxiliary images, α. Null: the observation alone. Its seed is replaced by
/// <paramref name="Seed"/>; the truth is never used (bounds such as the oracle do not run in an audit).</param>
public sealed record LabelAuditOptions(
    IReadOnlyList<string>? Methods = null,
    ulong Seed = 0,
    AuditThresholds? Thresholds = null,
    RestorerContext? Context = null);
