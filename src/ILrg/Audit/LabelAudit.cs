using ILrg.Numerics;
using ILrg.Restoration;

namespace ILrg.Audit;

/// <summary>
/// Restores a batch's labels from one client update given as plain arrays — the final layer's weight W (C×d,
/// row-major), bias b (C), their gradients g_W and g_b, and the batch size N — with every observation-only method, and
/// says how far the answer can be trusted: a certificate per method computed from the update alone, the agreement
/// between methods, and a one-line verdict whose thresholds come from a calibration on simulated updates
/// (docs/audit-calibration.md).
/// </summary>
/// <remarks>
/// The gradients must be those of the batch-MEAN cross-entropy, as FedSGD shares them (SPEC.md §1). Gradients of the
/// sum, or a wrong N that is not a whole multiple or divisor of the true one, make the certificate inconclusive. A
/// batch and the same batch repeated twice give identical mean gradients, so N and 2N cannot be told apart from the
/// update (the counts simply double); <see cref="ScanBatchSizes(double[], double[], double[], double[], int, int,
/// LabelAuditOptions?)"/> therefore prefers the most consistent, then the smallest, N.
/// </remarks>
public static class LabelAudit
{
    /// <summary>The most batch sizes one scan tries (one iLRG solve each).</summary>
    public const int MaxScanWidth = 10_000;

    /// <summary>Registry names of the methods an audit can run (observation-only attacks), <c>ilrg</c> first.</summary>
    public static IReadOnlyList<string> AvailableMethods => AuditMethods.Available;

    /// <summary>Audits one update given as float32 arrays (as PyTorch stores them).</summary>
    /// <param name="weight">W, C×d row-major.</param>
    /// <param name="bias">b, length C (C ≥ 2).</param>
    /// <param name="gradW">g_W, the batch-mean cross-entropy gradient of W, C×d row-major.</param>
    /// <param name="gradB">g_b, the gradient of b, length C.</param>
    /// <param name="batchSize">N ≥ 1.</param>
    /// <param name="options">Methods, seed and thresholds (null: all methods, seed 0, calibrated thresholds).</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">Shapes that do not fit, C &lt; 2, an all-zero g_b, or an unknown method.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 1.</exception>
    /// <exception cref="Numerics.NonFiniteInputException">A NaN or infinite entry.</exception>
    public static LabelAuditResult Run(
        float[] weight, float[] bias, float[] gradW, float[] gradB, int batchSize, LabelAuditOptions? options = null) =>
        Run(AuditInput.Observation(weight, bias, gradW, gradB, batchSize), options);

    /// <summary>Audits one update given as float64 arrays; see the float32 overload.</summary>
    public static LabelAuditResult Run(
        double[] weight, double[] bias, double[] gradW, double[] gradB, int batchSize,
        LabelAuditOptions? options = null) =>
        Run(AuditInput.Observation(weight, bias, gradW, gradB, batchSize), options);

    /// <summary>Audits an observation.</summary>
    /// <exception cref="ArgumentException">An unknown method, or one that needs more than the observation.</exception>
    public static LabelAuditResult Run(LastLayerObservation observation, LabelAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observation);
        options ??= new LabelAuditOptions();
        AuditThresholds thresholds = options.Thresholds ?? AuditThresholds.Calibrated;
        thresholds.Validate();
        IReadOnlyList<ILabelRestorer> restorers = AuditMethods.Create(options.Methods, options.Seed, options.Context);

        ILrgSystem system = ILrgSystem.Build(observation, new ILrgOptions(ILrgVariant.Full));
        var failed = new List<SkippedMethod>();
        var restorations = new List<LabelRestoration> { restorers[0].Restore(observation) };
        foreach (ILabelRestorer restorer in restorers.Skip(1))
        {
            try
            {
                restorations.Add(restorer.Restore(observation));
            }
            catch (ArgumentException e)
            {
                failed.Add(new SkippedMethod(restorer.Name, e.Message));
            }
        }

        LabelRestoration primary = restorations[0];
        MethodAudit[] methods = restorations
            .Select(r => new MethodAudit(
                r.Method,
                r.IsInstanceWise,
                r.Counts,
                r.Diagnostics is { } d && d.Solution.Length == observation.Classes ? d.Solution : null,
                CertificateCalculator.Compute(observation, system, r, primary)))
            .ToArray();
        SystemCertificate systemCertificate = SystemCheck.Of(observation, primary.Diagnostics!);
        AuditVerdict verdict = AuditVerdict.Judge(methods[0], systemCertificate, observation.BatchSize, thresholds);
        return new LabelAuditResult(
            observation.BatchSize, observation.Classes, verdict.Text, verdict.Strong, verdict.Reasons,
            systemCertificate, methods, MethodAgreement.Of(methods))
        { Failed = failed };
    }

    /// <summary>
    /// For a client whose batch size is unknown: audits the update with iLRG for every N in
    /// [<paramref name="minBatchSize"/>, <paramref name="maxBatchSize"/>], scores how self-consistent each restoration
    /// is, and names the most consistent N (the full audit at that N is included).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound below 1, the range empty, or wider than
    /// <see cref="MaxScanWidth"/> batch sizes.</exception>
    public static BatchSizeScan ScanBatchSizes(
        double[] weight, double[] bias, double[] gradW, double[] gradB, int minBatchSize, int maxBatchSize,
        LabelAuditOptions? options = null)
    {
        Guard.AtLeast(minBatchSize, 1, nameof(minBatchSize));
        return BatchSizeSearch.Run(
            AuditInput.Observation(weight, bias, gradW, gradB, minBatchSize), maxBatchSize, options);
    }

    /// <summary>The float32 form of <see cref="ScanBatchSizes(double[], double[], double[], double[], int, int,
    /// LabelAuditOptions?)"/>.</summary>
    public static BatchSizeScan ScanBatchSizes(
        float[] weight, float[] bias, float[] gradW, float[] gradB, int minBatchSize, int maxBatchSize,
        LabelAuditOptions? options = null)
    {
        Guard.AtLeast(minBatchSize, 1, nameof(minBatchSize));
        return BatchSizeSearch.Run(
            AuditInput.Observation(weight, bias, gradW, gradB, minBatchSize), maxBatchSize, options);
    }

    /// <summary>The scan over N of an observation; its own batch size is the lower bound of the range.</summary>
    public static BatchSizeScan ScanBatchSizes(
        LastLayerObservation observation, int maxBatchSize, LabelAuditOptions? options = null) =>
        BatchSizeSearch.Run(observation, maxBatchSize, options);
}
