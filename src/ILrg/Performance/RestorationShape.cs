namespace ILrg.Performance;

/// <summary>The synthetic observation a restoration row restores (<see
/// cref="Restoration.SyntheticObservation.Random"/>).</summary>
/// <param name="Classes">C.</param>
/// <param name="EmbeddingSize">d.</param>
/// <param name="BatchSize">N.</param>
/// <param name="Seed">The seed of W, b, the labels and the embeddings.</param>
/// <param name="Method">The restorer (iLRG).</param>
public sealed record RestorationShape(
    int Classes, int EmbeddingSize, int BatchSize, ulong Seed, string Method = "ilrg");
