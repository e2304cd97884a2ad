using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// VGG-11/13/16/19 with BatchNorm (SPEC.md §5): five blocks of [Conv3×3(pad 1)+BN+ReLU]×k, each followed by MaxPool2;
/// flatten (512 at 32×32, 25088 at 224×224, no adaptive pool); Linear→4096+ReLU[+Dropout 0.5]; Linear 4096→4096+ReLU
/// [+Dropout]; fc 4096→C.
/// </summary>
/// <remarks>
/// Initialisation: PyTorch's default for every Conv and Linear (SPEC.md §5 names no other for VGG); BN weight 1,
/// bias 0. Conv layers keep their bias, as PyTorch's VGG-BN does.
/// </remarks>
public sealed class Vgg : Classifier
{
#pragma warning disable IDE1006 // TorchSharp names parameters after fields.
    private readonly TorchSharp.Modules.Sequential features;
    private readonly TorchSharp.Modules.Sequential classifier;
    private readonly TorchSharp.Modules.Linear fc;
#pragma warning restore IDE1006

    /// <summary>Builds and initialises the network from <paramref name="generator"/>.</summary>
    /// <param name="depth">11, 13, 16 or 19.</param>
    /// <param name="channels">Input channels.</param>
    /// <param name="imageSize">Square side, a multiple of 32 (32 or 224 in the paper).</param>
    /// <param name="classes">C.</param>
    /// <param name="dropout">Dropout 0.5 after the two hidden Linear layers (active in train mode only).</param>
    /// <param name="generator">The only source of randomness.</param>
    public Vgg(int depth, int channels, int imageSize, int classes, bool dropout, Generator generator)
        : base($"vgg{depth}")
    {
        int[] perBlock = BlocksOf(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (imageSize < 32 || imageSize % 32 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize,
                "VGG takes square images whose side is a multiple of 32");
        }

        int[] widths = [64, 128, 256, 512, 512];
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long inputs = channels;
        for (int block = 0; block < 5; block++)
        {
            for (int i = 0; i < perBlock[block]; i++)
            {
                string id = $"{block + 1}_{i + 1}";
                layers.Add(($"conv{id}", ConvInit.Default(inputs, widths[block], 3, generator, padding: 1)));
                layers.Add(($"bn{id}", Layers.BatchNorm(widths[block])));
                layers.Add(($"relu{id}", nn.ReLU()));
                inputs = widths[block];
            }

            layers.Add(($"pool{block + 1}", nn.MaxPool2d(2)));
        }

        layers.Add(("flatten", nn.Flatten()));
        features = nn.Sequential(layers);
        int side = imageSize / 32;
        var head = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("linear1", Layers.Linear(512L * side * side, 4096, generator)),
            ("relu1", nn.ReLU()),
        };
        if (dropout)
        {
            head.Add(("drop1", nn.Dropout(0.5)));
        }

        head.Add(("linear2", Layers.Linear(4096, 4096, generator)));
        head.Add(("relu2", nn.ReLU()));
        if (dropout)
        {
            head.Add(("drop2", nn.Dropout(0.5)));
        }

        classifier = nn.Sequential(head);
        fc = Layers.Linear(4096, classes, generator);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override TorchSharp.Modules.Linear Fc => fc;

    /// <summary>Convolutions per block for a depth: {1,1,2,2,2 | 2,2,2,2,2 | 2,2,3,3,3 | 2,2,4,4,4}.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Depth other than 11, 13, 16, 19.</exception>
    public static int[] BlocksOf(int depth) => depth switch
    {
        11 => [1, 1, 2, 2, 2],
        13 => [2, 2, 2, 2, 2],
        16 => [2, 2, 3, 3, 3],
        19 => [2, 2, 4, 4, 4],
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "VGG depth must be 11, 13, 16 or 19"),
    };

    /// <inheritdoc />
    public override Tensor Embed(Tensor input)
    {
        using var scope = NewDisposeScope();
        using Tensor flat = features.forward(input);
        return classifier.forward(flat).MoveToOuterDisposeScope();
    }
}
