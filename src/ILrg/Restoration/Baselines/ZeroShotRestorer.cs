using System.Collections.Immutable;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// Geng et al.'s "zero-shot" count estimate: n_c ≈ N·p̄_c − N·(Σ_j g_W[c, j]) / Ō, with p̄ (mean softmax) and Ō (mean
/// sum of the non-negative last-layer inputs) estimated from dummy forwards, then rounded to non-negative counts that
/// sum to N. Instance-wise.
/// </summary>
/// <remarks>Issue 5. Rounding: negatives → 0, round half to even, then the project's fixed sum correction
/// (<see cref="CountPostProcessing"/>, SPEC.md §2.5–2.6) so the counts sum to exactly N.</remarks>
public sealed class ZeroShotRestorer : ILabelRestorer
{
    private readonly LastLayerCalibration _calibration;

    /// <summary>Creates the estimator from a calibration (normally
    /// <see cref="LastLayerCalibrator.FromDummy"/>).</summary>
    public ZeroShotRestorer(LastLayerCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        _calibration = calibration;
    }

    /// <inheritdoc />
    public string Name => "zero-shot";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes;
        int n = observation.BatchSize;
        _calibration.Validate(c);
        if (_calibration.MeanEmbeddingSum == 0)
        {
            throw new ArgumentException("the calibration's mean embedding sum Ō is 0; the zero-shot estimate is " +
                                        "undefined");
        }

        double[] sums = observation.WeightGradientRowSums();
        var estimate = new double[c];
        for (int i = 0; i < c; i++)
        {
            estimate[i] = n * _calibration.MeanProbabilities[i] - n * sums[i] / _calibration.MeanEmbeddingSum;
        }

        ImmutableArray<int> rounded = CountPostProcessing.Res(estimate, n);
        ImmutableArray<int> counts = CountPostProcessing.CorrectedCounts(estimate, rounded, n);
        var diagnostics = new RestorationDiagnostics([.. estimate], 0, double.NaN, double.NaN, double.NaN);
        return new LabelRestoration(Name, counts, counts, diagnostics, IsInstanceWise: true);
    }
}
