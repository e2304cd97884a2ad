namespace ILrg.Interop;

/// <summary>What a client's update file holds.</summary>
public enum UpdateKind
{
    /// <summary>FedSGD: the gradient of the batch-mean cross-entropy, by parameter name (SPEC.md §1).</summary>
    Gradients,

    /// <summary>FedAvg: the client's weights after its local training (θ_after).</summary>
    WeightsAfter,

    /// <summary>FedAvg: the change of the weights, θ_after − θ_before.</summary>
    WeightDelta,
}
