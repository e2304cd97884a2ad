using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// The fully connected network ("dnn"): flatten → Linear(in→width)+act → n_hidden × [Linear(width→width)+act] → fc.
/// "FCN-3" is n_hidden = 1 (SPEC.md §5).
/// </summary>
public sealed class Fcn : Classifier
{
#pragma warning disable IDE1006 // TorchSharp names parameters after fields: "body.0.weight", "fc.weight".
    private readonly TorchSharp.Modules.Sequential body;
    private readonly TorchSharp.Modules.Linear fc;
#pragma warning restore IDE1006

    /// <summary>Builds and initialises the network from <paramref name="generator"/>.</summary>
    public Fcn(int inputSize, int classes, int hiddenLayers, int width, Activation activation, Generator generator)
        : base("fcn")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hiddenLayers);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("flatten", nn.Flatten()),
            ("linear0", Layers.Linear(inputSize, width, generator)),
            ("act0", Layers.Create(activation)),
        };
        for (int i = 1; i <= hiddenLayers; i++)
        {
            layers.Add(($"linear{i}", Layers.Linear(width, width, generator)));
            layers.Add(($"act{i}", Layers.Create(activation)));
        }

        body = nn.Sequential(layers);
        fc = Layers.Linear(width, classes, generator);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override TorchSharp.Modules.Linear Fc => fc;

    /// <inheritdoc />
    public override Tensor Embed(Tensor input) => body.forward(input);
}
