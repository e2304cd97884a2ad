using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// LeNet-5 as SPEC.md §5: Conv(ch→6,k5)→[BN]→act→MaxPool2; Conv(6→16,k5)→[BN]→act→MaxPool2; flatten (400 for 32×32,
/// 256 for 28×28); Linear→120+act; Linear 120→84+act; fc 84→C. Conv weights kaiming-normal (fan_out, relu).
/// </summary>
public sealed class LeNet5 : Classifier
{
#pragma warning disable IDE1006 // TorchSharp names parameters after fields.
    private readonly TorchSharp.Modules.Sequential body;
    private readonly TorchSharp.Modules.Linear fc;
#pragma warning restore IDE1006

    /// <summary>Builds and initialises the network from <paramref name="generator"/>.</summary>
    public LeNet5(int channels, int imageSize, int classes, Activation activation, bool batchNorm, Generator generator)
        : base("lenet5")
    {
        if (imageSize is not (28 or 32))
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "LeNet-5 takes 28×28 or 32×32 images");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        int side = ((imageSize - 4) / 2 - 4) / 2;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv1", Layers.ConvKaimingOut(channels, 6, 5, generator)),
        };
        if (batchNorm)
        {
            layers.Add(("bn1", Layers.BatchNorm(6)));
        }

        layers.Add(("act1", Layers.Create(activation)));
        layers.Add(("pool1", nn.MaxPool2d(2)));
        layers.Add(("conv2", Layers.ConvKaimingOut(6, 16, 5, generator)));
        if (batchNorm)
        {
            layers.Add(("bn2", Layers.BatchNorm(16)));
        }

        layers.Add(("act2", Layers.Create(activation)));
        layers.Add(("pool2", nn.MaxPool2d(2)));
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("fc1", Layers.Linear(16 * side * side, 120, generator)));
        layers.Add(("act3", Layers.Create(activation)));
        layers.Add(("fc2", Layers.Linear(120, 84, generator)));
        layers.Add(("act4", Layers.Create(activation)));
        body = nn.Sequential(layers);
        fc = Layers.Linear(84, classes, generator);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override TorchSharp.Modules.Linear Fc => fc;

    /// <inheritdoc />
    public override Tensor Embed(Tensor input) => body.forward(input);
}
