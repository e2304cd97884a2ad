using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// ResNet-18/34/50/101/152, the paper's CIFAR-style variant (SPEC.md §5): stem Conv3×3 (stride 1, no bias)+BN+ReLU and
/// no max-pool at any input size; stages of 64, 128, 256, 512 planes with strides 1, 2, 2, 2; adaptive average pool;
/// fc 512·expansion → C.
/// </summary>
/// <remarks>
/// Blocks: basic [2,2,2,2] (18), [3,4,6,3] (34); bottleneck [3,4,6,3] (50), [3,4,23,3] (101), [3,8,36,3] (152).
/// Convolutions kaiming-normal (fan_out, relu), BN weight 1 / bias 0, fc PyTorch's default, all from one generator.
/// </remarks>
public sealed class ResNet : Classifier
{
#pragma warning disable IDE1006 // TorchSharp names parameters after fields.
    private readonly TorchSharp.Modules.Sequential stem;
    private readonly TorchSharp.Modules.Sequential stages;
    private readonly TorchSharp.Modules.Linear fc;
#pragma warning restore IDE1006

    /// <summary>Builds and initialises the network from <paramref name="generator"/>.</summary>
    /// <param name="depth">18, 34, 50, 101 or 152.</param>
    /// <param name="channels">Input channels.</param>
    /// <param name="classes">C.</param>
    /// <param name="generator">The only source of randomness.</param>
    public ResNet(int depth, int channels, int classes, Generator generator)
        : base($"resnet{depth}")
    {
        var (blocks, bottleneck) = BlocksOf(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        stem = nn.Sequential(
            ("conv", Layers.ConvKaimingOut(channels, 64, 3, generator, 1, 1, bias: false)),
            ("bn", Layers.BatchNorm(64)),
            ("relu", nn.ReLU()));
        long[] planes = [64, 128, 256, 512];
        long[] strides = [1, 2, 2, 2];
        long inputs = 64;
        var all = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int s = 0; s < 4; s++)
        {
            for (int b = 0; b < blocks[s]; b++)
            {
                var block = new ResNetBlock(inputs, planes[s], b == 0 ? strides[s] : 1, bottleneck, generator);
                all.Add(($"layer{s + 1}_{b}", block));
                inputs = block.Outputs;
            }
        }

        all.Add(("pool", nn.AdaptiveAvgPool2d(1)));
        all.Add(("flatten", nn.Flatten()));
        stages = nn.Sequential(all);
        fc = Layers.Linear(inputs, classes, generator);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override TorchSharp.Modules.Linear Fc => fc;

    /// <summary>Blocks per stage and the block type for a depth.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Depth other than 18, 34, 50, 101, 152.</exception>
    public static (int[] Blocks, bool Bottleneck) BlocksOf(int depth) => depth switch
    {
        18 => ([2, 2, 2, 2], false),
        34 => ([3, 4, 6, 3], false),
        50 => ([3, 4, 6, 3], true),
        101 => ([3, 4, 23, 3], true),
        152 => ([3, 8, 36, 3], true),
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "ResNet depth must be 18, 34, 50, 101 or 152"),
    };

    /// <inheritdoc />
    public override Tensor Embed(Tensor input)
    {
        using var scope = NewDisposeScope();
        using Tensor x = stem.forward(input);
        return stages.forward(x).MoveToOuterDisposeScope();
    }
}
