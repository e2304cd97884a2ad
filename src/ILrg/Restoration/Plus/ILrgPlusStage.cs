namespace ILrg.Restoration.Plus;

/// <summary>Which stage of iLRG+ produced the counts.</summary>
public enum ILrgPlusStage
{
    /// <summary>iLRG's own answer was kept (a confident model without a complete ray decomposition, a degenerate
    /// observation, or iLRG's counts fit the final probabilities better).</summary>
    Start,

    /// <summary>Stage 1: the mean-embedding estimate of p̄.</summary>
    MeanEmbedding,

    /// <summary>Stage 2: class unmixing on the classes judged present.</summary>
    Unmixing,

    /// <summary>Stage 3: one ray per sample (confident models, non-negative embeddings).</summary>
    Rays,
}
