namespace ILrg.Audit;

/// <summary>The result of <see cref="LabelAudit.ScanBatchSizes(Restoration.LastLayerObservation, int,
/// LabelAuditOptions?)"/>.</summary>
/// <param name="Candidates">One entry per N of the range, ascending.</param>
/// <param name="MostConsistent">The N chosen (see <see cref="BatchSizeSearch"/> for the rule).</param>
/// <param name="Audit">The full audit at <see cref="MostConsistent"/>.</param>
public sealed record BatchSizeScan(
    IReadOnlyList<BatchSizeCandidate> Candidates,
    int MostConsistent,
    LabelAuditResult Audit);
