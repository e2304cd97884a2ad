using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// LeakyReLU(0.01) as max(x, 0.01·x) with the slope a 0-dimensional float tensor: the same values as
/// <c>nn.LeakyReLU(0.01)</c> (libtorch computes x·0.01f below zero), without the implicitly converted
/// <see cref="Scalar"/> that TorchSharp 0.107 hands to libtorch without keeping it alive (a garbage collection during
/// the call can finalize it; seen as "toFloat … Expected false to be true" after thousands of trials in one process).
/// </summary>
internal sealed class LeakyRelu : nn.Module<Tensor, Tensor>
{
    private const float Slope = 0.01f;

    /// <summary>Creates the module (it has no parameters).</summary>
    public LeakyRelu()
        : base(nameof(LeakyRelu))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        using Tensor slope = tensor(Slope, device: input.device);
        return input.maximum(input.mul(slope)).MoveToOuterDisposeScope();
    }
}
