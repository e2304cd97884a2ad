using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>A residual block of the CIFAR-style ResNet: basic (two 3×3) or bottleneck (1×1, 3×3, 1×1, expansion
/// 4).</summary>
/// <remarks>
/// SPEC.md §5. Convolutions have no bias and are kaiming-normal (fan_out, relu); every convolution is followed by BN;
/// the shortcut is a 1×1 convolution + BN when the stride or the width changes, otherwise the identity. The stride
/// sits on the first 3×3 convolution.
/// </remarks>
public sealed class ResNetBlock : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // TorchSharp names parameters after fields.
    private readonly TorchSharp.Modules.Sequential body;
    private readonly nn.Module<Tensor, Tensor> shortcut;
#pragma warning restore IDE1006

    /// <summary>Builds the block.</summary>
    /// <param name="inputs">Input channels.</param>
    /// <param name="planes">Planes of the block (outputs = planes × expansion).</param>
    /// <param name="stride">1 or 2.</param>
    /// <param name="bottleneck">Bottleneck (expansion 4) instead of basic (expansion 1).</param>
    /// <param name="generator">The only source of randomness.</param>
    public ResNetBlock(long inputs, long planes, long stride, bool bottleneck, Generator generator)
        : base(bottleneck ? "bottleneck" : "basic")
    {
        long outputs = planes * (bottleneck ? 4 : 1);
        Outputs = outputs;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (bottleneck)
        {
            layers.Add(("conv1", Layers.ConvKaimingOut(inputs, planes, 1, generator, bias: false)));
            layers.Add(("bn1", Layers.BatchNorm(planes)));
            layers.Add(("relu1", nn.ReLU()));
            layers.Add(("conv2", Layers.ConvKaimingOut(planes, planes, 3, generator, stride, 1, bias: false)));
            layers.Add(("bn2", Layers.BatchNorm(planes)));
            layers.Add(("relu2", nn.ReLU()));
            layers.Add(("conv3", Layers.ConvKaimingOut(planes, outputs, 1, generator, bias: false)));
            layers.Add(("bn3", Layers.BatchNorm(outputs)));
        }
        else
        {
            layers.Add(("conv1", Layers.ConvKaimingOut(inputs, planes, 3, generator, stride, 1, bias: false)));
            layers.Add(("bn1", Layers.BatchNorm(planes)));
            layers.Add(("relu1", nn.ReLU()));
            layers.Add(("conv2", Layers.ConvKaimingOut(planes, planes, 3, generator, 1, 1, bias: false)));
            layers.Add(("bn2", Layers.BatchNorm(planes)));
        }

        body = nn.Sequential(layers);
        shortcut = stride != 1 || inputs != outputs
            ? nn.Sequential(
                ("conv", Layers.ConvKaimingOut(inputs, outputs, 1, generator, stride, bias: false)),
                ("bn", Layers.BatchNorm(outputs)))
            : nn.Identity();
        RegisterComponents();
    }

    /// <summary>Output channels.</summary>
    public long Outputs { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor sum = body.forward(input).add_(shortcut.forward(input));
        return nn.functional.relu(sum, inplace: true).MoveToOuterDisposeScope();
    }
}
