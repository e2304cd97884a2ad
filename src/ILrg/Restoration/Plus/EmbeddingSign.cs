namespace ILrg.Restoration.Plus;

/// <summary>What iLRG+ may assume about the sign of the embedding (the input of the final layer).</summary>
public enum EmbeddingSign
{
    /// <summary>Decide from the observation (<see cref="EmbeddingSignTest"/>).</summary>
    Auto,

    /// <summary>Every embedding entry is ≥ 0 (ReLU, or average pooling of ReLU maps, before the final layer).</summary>
    NonNegative,

    /// <summary>Entries may be negative (SiLU, LeakyReLU, tanh…): no non-negativity bound, no ray
    /// decomposition.</summary>
    AnySign,
}
