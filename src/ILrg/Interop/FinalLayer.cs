namespace ILrg.Interop;

/// <summary>The final fully connected layer of a model found in (or named for) a state dict, and why it was
/// chosen.</summary>
/// <param name="Name">The layer's prefix, e.g. <c>head.4</c>.</param>
/// <param name="WeightKey">The key of its C×d weight, e.g. <c>head.4.weight</c>.</param>
/// <param name="BiasKey">The key of its length-C bias.</param>
/// <param name="Classes">C, the weight's output size.</param>
/// <param name="EmbeddingSize">d, the weight's input size.</param>
/// <param name="WasGiven">True when the caller named the layer; false when it was found.</param>
/// <param name="Reason">A sentence for a report saying which layer was used and why.</param>
public sealed record FinalLayer(
    string Name,
    string WeightKey,
    string BiasKey,
    int Classes,
    int EmbeddingSize,
    bool WasGiven,
    string Reason);
