using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration.Baselines;

namespace ILrg.Restoration.Federated;

/// <summary>
/// LLG*'s auxiliary calibration made FedAvg-aware (issue 11): the mean of the calibrations at θ_start and at the
/// client's trained model θ_end (the average the RLU authors apply to LLG+ for several local epochs). For FedSGD, the
/// calibration at θ_start alone.
/// </summary>
public static class TrajectoryCalibration
{
    /// <summary>The averaged calibration.</summary>
    public static LastLayerCalibration FromAuxiliary(Classifier model, Batch auxiliary, ClientUpdate? update)
    {
        ArgumentNullException.ThrowIfNull(model);
        LastLayerCalibration start = LastLayerCalibrator.FromAuxiliary(model, auxiliary);
        if (update is null || update.Kind != SharedUpdateKind.ModelDelta)
        {
            return start;
        }

        LastLayerCalibration end;
        using (ModelTrajectory.MoveTo(model, update, 1.0))
        {
            end = LastLayerCalibrator.FromAuxiliary(model, auxiliary);
        }

        return new LastLayerCalibration(
            [.. start.MeanProbabilities.Zip(end.MeanProbabilities, (a, b) => (a + b) / 2)],
            (start.MeanEmbeddingSum + end.MeanEmbeddingSum) / 2,
            [.. start.ClassOffsets.Zip(end.ClassOffsets, (a, b) => (a + b) / 2)],
            start.Samples, start.Source + ", averaged with the client's trained model");
    }
}
