using ILrg.Numerics;
using ILrg.Restoration;

namespace ILrg.Audit;

/// <summary>
/// Scores every assumed batch size of a range by how self-consistent iLRG's restoration is, and picks one.
/// </summary>
/// <remarks>
/// iLRG's real-valued solution scales with the assumed N (the right-hand side is N·[1; g_b]), so at a wrong N it is the
/// right counts times N′/N: fractional wherever N′/N is not a whole ratio, and rounded counts that rarely add up to N′.
/// The chosen N is, among the N whose certificate is strong (all of them when none is), the one with the smallest
/// rounding error of the real-valued solution (root mean square over classes), ties to the smaller N. A batch repeated
/// twice has the same mean gradient as the batch, so N and 2N are equally consistent in principle; the smaller
/// rounding error of the true N (solution errors scale with N′/N) is what separates them in practice.
/// </remarks>
internal static class BatchSizeSearch
{
    /// <summary>Scans [observation.BatchSize, <paramref name="maxBatchSize"/>].</summary>
    public static BatchSizeScan Run(LastLayerObservation observation, int maxBatchSize, LabelAuditOptions? options)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int min = observation.BatchSize;
        Guard.AtLeast(maxBatchSize, min, nameof(maxBatchSize));
        if (maxBatchSize - min >= LabelAudit.MaxScanWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatchSize), maxBatchSize,
                $"a scan tries at most {LabelAudit.MaxScanWidth} batch sizes; {min} … {maxBatchSize} is wider");
        }

        options ??= new LabelAuditOptions();
        LabelAuditOptions primaryOnly = options with { Methods = [AuditMethods.Primary] };
        var candidates = new List<BatchSizeCandidate>(maxBatchSize - min + 1);
        for (int n = min; n <= maxBatchSize; n++)
        {
            LabelAuditResult audit = LabelAudit.Run(WithBatchSize(observation, n), primaryOnly);
            MethodAudit primary = audit.Methods[0];
            double[] x = [.. primary.Solution!];
            double rounding = Math.Sqrt(x.Select(v => v - Math.Clamp(Math.Round(v), 0, n)).Sum(e => e * e) / x.Length);
            candidates.Add(new BatchSizeCandidate(
                n, audit.Strong, primary.Certificate.MinBoundaryDistance!.Value, rounding,
                primary.Certificate.BiasResidual!.Value, primary.Certificate.CountSum!.Value));
        }

        BatchSizeCandidate best = candidates
            .OrderBy(c => c.Strong ? 0 : 1).ThenBy(c => c.RoundingError).ThenBy(c => c.BatchSize).First();
        LabelAuditResult full = LabelAudit.Run(WithBatchSize(observation, best.BatchSize), options);
        return new BatchSizeScan(candidates, best.BatchSize, full);
    }

    private static LastLayerObservation WithBatchSize(LastLayerObservation o, int batchSize) =>
        batchSize == o.BatchSize
            ? o
            : new LastLayerObservation(
                o.Weight, o.Bias, o.WeightGradient, o.BiasGradient, o.Classes, o.EmbeddingSize, batchSize);
}
