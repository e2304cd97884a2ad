using System.Collections.Immutable;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// LLG / LLG+ / LLG* (Wainakh et al., "User-level label leakage from gradients in federated learning"): counts from the
/// weight-gradient row sums by the two-stage greedy scheme (<see cref="GreedyCounter"/>). Instance-wise; the counts
/// sum to N.
/// </summary>
/// <remarks>
/// Issue 5. LLG: m = (sum of the negative row sums)·(1 + 1/C)/N. LLG+ and LLG* take m = −Ō/N from a
/// <see cref="LastLayerCalibration"/> (the row sum of class c is about O_c − k_c·Ō/N, SPEC.md §1); LLG* also subtracts
/// the per-class offset O_c before the greedy scheme; since offset-corrected values of absent classes scatter around 0
/// rather than sitting above it, LLG*'s stage 1 takes a class only when its value is below m/2 (half an instance) —
/// this project's choice, where LLG and LLG+ use 0. The calibration comes through the constructor, computed by the
/// caller from the model on auxiliary or dummy inputs, so <see cref="Restore"/> stays label-free.
/// </remarks>
public sealed class LlgRestorer : ILabelRestorer
{
    private readonly LlgVariant _variant;
    private readonly LastLayerCalibration? _calibration;
    private readonly string _name;

    /// <summary>Creates the restorer.</summary>
    /// <param name="variant">LLG, LLG+ or LLG*.</param>
    /// <param name="calibration">Required for LLG+ and LLG*; ignored by LLG.</param>
    /// <param name="name">Report name (default llg, llg+, llg*).</param>
    /// <exception cref="ArgumentException">LLG+/LLG* without a calibration.</exception>
    public LlgRestorer(LlgVariant variant = LlgVariant.Plain, LastLayerCalibration? calibration = null,
        string? name = null)
    {
        if (variant != LlgVariant.Plain && calibration is null)
        {
            throw new ArgumentException($"LLG variant {variant} needs a calibration (auxiliary or dummy inputs)",
                nameof(calibration));
        }

        _variant = variant;
        _calibration = calibration;
        _name = name ?? variant switch
        {
            LlgVariant.Plus => "llg+",
            LlgVariant.Star => "llg*",
            _ => "llg",
        };
    }

    /// <inheritdoc />
    public string Name => _name;

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes;
        int n = observation.BatchSize;
        double[] sums = observation.WeightGradientRowSums();
        double impact;
        double stageOneThreshold = 0.0;
        if (_variant == LlgVariant.Plain)
        {
            double negative = sums.Where(s => s < 0).Sum();
            impact = negative * (1.0 + 1.0 / c) / n;
        }
        else
        {
            _calibration!.Validate(c);
            impact = -_calibration.MeanEmbeddingSum / n;
            if (_variant == LlgVariant.Star)
            {
                for (int i = 0; i < c; i++)
                {
                    sums[i] -= _calibration.ClassOffsets[i];
                }

                // Offset-corrected values of absent classes scatter around 0; require half an instance's worth.
                stageOneThreshold = impact / 2;
            }
        }

        var counts = GreedyCounter.Count(sums, impact, n, stageOneThreshold).ToImmutableArray();
        return new LabelRestoration(Name, counts, counts, null, IsInstanceWise: true);
    }
}
