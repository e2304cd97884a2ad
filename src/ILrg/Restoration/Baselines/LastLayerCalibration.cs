using System.Collections.Immutable;
using System.Globalization;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// Statistics of the final layer's input and output on calibration inputs (auxiliary images or dummy inputs), from
/// which LLG+ / LLG* and the zero-shot estimator calibrate their impact and per-class offsets. No labels involved.
/// </summary>
/// <param name="MeanProbabilities">p̄_c: the mean softmax probability of class c over the calibration inputs.</param>
/// <param name="MeanEmbeddingSum">Ō: the mean over inputs of Σ_r h[r], the row-sum weight of one instance.</param>
/// <param name="ClassOffsets">O_c: the mean over inputs of p[c]·Σ_r h[r], the row sum a class has per batch slot when
/// it is absent (so row_c ≈ O_c − k_c·Ō/N).</param>
/// <param name="Samples">How many calibration inputs were used.</param>
/// <param name="Source">What the inputs were (e.g. "auxiliary (64 held-out images)", "dummy (zeros, ones,
/// noise)").</param>
public sealed record LastLayerCalibration(
    ImmutableArray<double> MeanProbabilities,
    double MeanEmbeddingSum,
    ImmutableArray<double> ClassOffsets,
    int Samples,
    string Source)
{
    /// <summary>Checks the calibration fits an observation with <paramref name="classes"/> classes.</summary>
    /// <exception cref="ArgumentException">Class count differs or a statistic is not finite.</exception>
    public void Validate(int classes)
    {
        if (MeanProbabilities.Length != classes || ClassOffsets.Length != classes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the calibration has {MeanProbabilities.Length} probabilities and {ClassOffsets.Length} offsets; " +
                $"the observation has {classes} classes"));
        }

        if (!double.IsFinite(MeanEmbeddingSum) || MeanProbabilities.Any(v => !double.IsFinite(v)) ||
            ClassOffsets.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("the calibration statistics contain NaN or an infinity");
        }
    }
}
