using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// A classifier whose last layer is a Linear named <c>fc</c>; it yields both the logits and the embedding (the input
/// of <c>fc</c>), which the closed-form client gradient and the attacks need.
/// </summary>
public abstract class Classifier : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    protected Classifier(string name)
        : base(name)
    {
    }

    /// <summary>The final fully connected layer (C×d weight).</summary>
    public abstract TorchSharp.Modules.Linear Fc { get; }

    /// <summary>Number of classes C.</summary>
    public long Classes => Fc.weight!.shape[0];

    /// <summary>Embedding width d.</summary>
    public long EmbeddingSize => Fc.weight!.shape[1];

    /// <summary>The network up to (not including) <c>fc</c>: the embedding of each input.</summary>
    public abstract Tensor Embed(Tensor input);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Fc.forward(Embed(input)).MoveToOuterDisposeScope();
    }

    /// <summary>Logits and embedding from one forward pass.</summary>
    public (Tensor Logits, Tensor Embedding) ForwardWithEmbedding(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor embedding = Embed(input);
        Tensor logits = Fc.forward(embedding);
        return (logits.MoveToOuterDisposeScope(), embedding.MoveToOuterDisposeScope());
    }
}
