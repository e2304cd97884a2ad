namespace ILrg.Federated;

/// <summary>What a FedSGD client sends: the gradient of the batch-mean loss by parameter name, and N.</summary>
/// <param name="BatchSize">N.</param>
/// <param name="Gradients">Gradients by parameter name ("fc.weight", "fc.bias", ...); the closed-form client sends
/// only the final layer's.</param>
public sealed record ClientUpdate(int BatchSize, IReadOnlyDictionary<string, ParameterGradient> Gradients)
{
    /// <summary>Name of the final layer's weight.</summary>
    public const string FcWeight = "fc.weight";

    /// <summary>Name of the final layer's bias.</summary>
    public const string FcBias = "fc.bias";

    /// <summary>Whether the entries are a gradient (FedSGD, the default) or θ_start − θ_end (FedAvg).</summary>
    public SharedUpdateKind Kind { get; init; } = SharedUpdateKind.Gradient;

    /// <summary>The gradient of <paramref name="name"/>, or a clear error naming what the update holds.</summary>
    public ParameterGradient this[string name] => Gradients.TryGetValue(name, out var g)
        ? g
        : throw new KeyNotFoundException(
            $"the update has no gradient for '{name}'; it holds: {string.Join(", ", Gradients.Keys)}");
}
