using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// A <see cref="Classifier"/> over any module whose last layer is a <c>Linear</c> at a known path (e.g. TorchVision's
/// <c>fc</c> of a ResNet or <c>classifier.6</c> of a VGG): the logits are the module's own forward, the embedding is
/// what enters that Linear, captured by a forward pre-hook, so the module's forward is never re-implemented.
/// </summary>
/// <remarks>
/// The wrapped module's children are registered under their own names, so this classifier's parameter and state-dict
/// names are the wrapped module's (<c>conv1.weight</c>, <c>fc.bias</c>, …), as a PyTorch state dict of the same
/// architecture names them. Not thread-safe: one forward at a time.
/// </remarks>
public sealed class ModuleClassifier : Classifier
{
    private readonly nn.Module<Tensor, Tensor> _inner;
    private readonly TorchSharp.Modules.Linear _final;
    private Tensor? _captured;

    /// <summary>Wraps <paramref name="module"/>; it is owned (and disposed) by the classifier from now on.</summary>
    /// <param name="name">The architecture's name (reports and checkpoints).</param>
    /// <param name="module">The network.</param>
    /// <param name="finalLayer">The path of its last Linear among its modules (e.g. <c>fc</c>).</param>
    /// <exception cref="ArgumentException">No module at <paramref name="finalLayer"/>, or it is not a Linear.
    /// </exception>
    public ModuleClassifier(string name, nn.Module<Tensor, Tensor> module, string finalLayer)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(finalLayer);
        var modules = module.named_modules().ToList();
        nn.Module? found = modules.FirstOrDefault(m => m.name == finalLayer).module;
        _final = found as TorchSharp.Modules.Linear ?? throw new ArgumentException(
            found is null
                ? $"{name} has no module '{finalLayer}'; its Linear layers are: " +
                  string.Join(", ", modules.Where(m => m.module is TorchSharp.Modules.Linear).Select(m => m.name))
                : $"{name}'s module '{finalLayer}' is a {found.GetType().Name}, not a Linear layer",
            nameof(finalLayer));
        _inner = module;
        FinalLayerPath = finalLayer;
        foreach ((string child, nn.Module value) in module.named_children())
        {
            register_module(child, value);
        }

        // The wrapped module may run in its own dispose scope (TorchVision's do), which frees the Linear's input when
        // its forward returns: keep an alias outside every scope, released by Embed and forward.
        _final.register_forward_pre_hook((_, input) =>
        {
            Release();
            _captured = input.alias().DetachFromDisposeScope();
            return input;
        });
    }

    /// <summary>The path of the final Linear layer in the wrapped module.</summary>
    public string FinalLayerPath { get; }

    /// <inheritdoc />
    public override TorchSharp.Modules.Linear Fc => _final;

    /// <inheritdoc />
    public override Tensor Embed(Tensor input)
    {
        using var scope = NewDisposeScope();
        Release();
        _ = _inner.call(input);
        Tensor embedding = _captured?.alias() ?? throw new InvalidOperationException(
            $"{GetName()}'s forward did not pass through its final layer '{FinalLayerPath}'");
        Release();
        return embedding.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Release();
        Tensor logits = _inner.call(input);
        Release();
        return logits;
    }

    private void Release()
    {
        _captured?.Dispose();
        _captured = null;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
