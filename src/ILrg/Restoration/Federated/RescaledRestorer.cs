using ILrg.Federated;

namespace ILrg.Restoration.Federated;

/// <summary>A FedSGD attack made FedAvg-aware: it restores from <see cref="UpdateScaling.ToMeanGradient"/> of the
/// observation (needs the local hyper-parameters).</summary>
/// <param name="name">Report name.</param>
/// <param name="inner">The FedSGD attack.</param>
/// <param name="local">The client's local hyper-parameters.</param>
/// <param name="midpointWeights">Whether the inner attack reads W and b at the middle of the local trajectory.</param>
public sealed class RescaledRestorer(string name, ILabelRestorer inner, LocalTraining local, bool midpointWeights)
    : ILabelRestorer
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return inner.Restore(UpdateScaling.ToMeanGradient(observation, local, midpointWeights)) with { Method = name };
    }
}
