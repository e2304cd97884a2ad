namespace ILrg.Restoration.Registry;

/// <summary>What a restorer needs beyond the <see cref="LastLayerObservation"/> every method gets.</summary>
[Flags]
public enum RestorerInputs
{
    /// <summary>Only the observation (W, b, g_W, g_b, N).</summary>
    ObservationOnly = 0,

    /// <summary>The attacked model, for forward passes on dummy inputs.</summary>
    Model = 1,

    /// <summary>Auxiliary images (a held-out sample of the dataset) and the model.</summary>
    AuxiliaryData = 2,

    /// <summary>The ground truth — only bounds (the oracle) may declare this.</summary>
    Truth = 4,

    /// <summary>A seed for the method's own randomness.</summary>
    Seed = 8,

    /// <summary>The client's local hyper-parameters (protocol, lr, epochs, local batch, momentum; issue 11).</summary>
    LocalHyperParameters = 16,
}
