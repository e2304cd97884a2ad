namespace ILrg.Federated;

/// <summary>How a client turns its batch into the update it shares (issue 11).</summary>
public enum FederatedProtocol
{
    /// <summary>One gradient of the batch-mean loss at the global model (the paper's setting, SPEC.md §1).</summary>
    FedSgd,

    /// <summary>Several local SGD steps (epochs × local batches); the client shares θ_start − θ_end.</summary>
    FedAvg,
}
