namespace ILrg.Federated;

/// <summary>What the entries of a <see cref="ClientUpdate"/> are.</summary>
public enum SharedUpdateKind
{
    /// <summary>The gradient of the batch-mean loss at the global model (FedSGD).</summary>
    Gradient,

    /// <summary>θ_start − θ_end after local training (FedAvg): the negated model change, so that it points like a
    /// gradient; it equals lr × the (momentum-weighted) sum of the local step gradients.</summary>
    ModelDelta,
}
