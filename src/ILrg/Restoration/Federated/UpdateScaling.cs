using ILrg.Federated;

namespace ILrg.Restoration.Federated;

/// <summary>
/// Turns an observation of a FedAvg update into one of a mean gradient, for attacks built for FedSGD gradients
/// (issue 11). The shared θ_start − θ_end equals lr·Σ_t ρ_t·g_t (ρ_t the momentum weights,
/// <see cref="LocalTraining.StepWeights"/>), so dividing by lr·Σ_t ρ_t gives the ρ-weighted mean of the local step
/// gradients. With E epochs of equal local batches and no momentum its label term is exactly −k/N, as in one FedSGD
/// gradient; only the softmax term averages over the local trajectory. For FedSGD the observation is unchanged.
/// </summary>
public static class UpdateScaling
{
    /// <summary>The observation with gradients divided by <see cref="LocalTraining.UpdateScale"/>; with
    /// <paramref name="midpointWeights"/>, W and b moved to the middle of the local trajectory,
    /// θ_start − ½(θ_start − θ_end) (FedAvg only).</summary>
    public static LastLayerObservation ToMeanGradient(
        LastLayerObservation observation, LocalTraining local, bool midpointWeights)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(local);
        if (!local.IsFedAvg)
        {
            return observation;
        }

        double scale = local.UpdateScale(observation.BatchSize);
        double[] gw = observation.WeightGradient.ToArray();
        double[] gb = observation.BiasGradient.ToArray();
        double[] w = observation.Weight.ToArray();
        double[] b = observation.Bias.ToArray();
        for (int i = 0; i < w.Length; i++)
        {
            if (midpointWeights)
            {
                w[i] -= gw[i] / 2;
            }

            gw[i] /= scale;
        }

        for (int i = 0; i < b.Length; i++)
        {
            if (midpointWeights)
            {
                b[i] -= gb[i] / 2;
            }

            gb[i] /= scale;
        }

        return new LastLayerObservation(
            w, b, gw, gb, observation.Classes, observation.EmbeddingSize, observation.BatchSize);
    }
}
