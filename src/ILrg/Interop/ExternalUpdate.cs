namespace ILrg.Interop;

/// <summary>
/// A client update produced outside ILrg: FedSGD gradients, or a FedAvg client's weights after local training (or
/// their change) with the local learning rate and step count needed to turn it into an averaged gradient.
/// </summary>
public sealed class ExternalUpdate
{
    private ExternalUpdate(UpdateKind kind, StateDict values, double? learningRate, int? steps)
    {
        Kind = kind;
        Values = values;
        LocalLearningRate = learningRate;
        LocalSteps = steps;
    }

    /// <summary>What <see cref="Values"/> holds.</summary>
    public UpdateKind Kind { get; }

    /// <summary>The tensors of the update, keyed like the model state.</summary>
    public StateDict Values { get; }

    /// <summary>The client's local SGD learning rate (FedAvg only).</summary>
    public double? LocalLearningRate { get; }

    /// <summary>The client's number of local SGD steps (FedAvg only).</summary>
    public int? LocalSteps { get; }

    /// <summary>True for the FedAvg kinds, whose gradient is an approximation.</summary>
    public bool IsFedAvg => Kind != UpdateKind.Gradients;

    /// <summary>A FedSGD update: the batch-mean cross-entropy gradient by parameter name.</summary>
    public static ExternalUpdate Gradients(StateDict gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        return new ExternalUpdate(UpdateKind.Gradients, gradients, null, null);
    }

    /// <summary>A FedAvg update given as the client's weights after <paramref name="localSteps"/> local SGD
    /// steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a positive finite number, or fewer than
    /// one step.</exception>
    public static ExternalUpdate WeightsAfter(StateDict after, double localLearningRate, int localSteps) =>
        FedAvg(UpdateKind.WeightsAfter, after, localLearningRate, localSteps);

    /// <summary>A FedAvg update given as the change θ_after − θ_before of the weights.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a positive finite number, or fewer than
    /// one step.</exception>
    public static ExternalUpdate WeightDelta(StateDict delta, double localLearningRate, int localSteps) =>
        FedAvg(UpdateKind.WeightDelta, delta, localLearningRate, localSteps);

    private static ExternalUpdate FedAvg(UpdateKind kind, StateDict values, double learningRate, int steps)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!double.IsFinite(learningRate) || learningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate,
                "the local learning rate must be a positive finite number");
        }

        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "the number of local steps must be at least 1");
        }

        return new ExternalUpdate(kind, values, learningRate, steps);
    }
}
