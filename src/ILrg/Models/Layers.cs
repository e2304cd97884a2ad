using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>Layer factories and the PyTorch-default initialisation, driven by an explicit generator.</summary>
/// <remarks>
/// SPEC.md §5: Linear and Conv weights kaiming-uniform with a = √5 (bound 1/√fan_in), bias U(±1/√fan_in); "kaiming-normal
/// (fan_out, relu)" where a model asks for it. Parameters come only from the given generator, never the global RNG,
/// so a seed fixes the model.
/// </remarks>
public static class Layers
{
    /// <summary>The module for an activation.</summary>
    public static nn.Module<Tensor, Tensor> Create(Activation activation) => activation switch
    {
        Activation.Relu => nn.ReLU(),
        Activation.Silu => nn.SiLU(),
        Activation.LeakyRelu => new LeakyRelu(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };

    /// <summary>A Linear layer with PyTorch's default initialisation from <paramref name="generator"/>.</summary>
    public static TorchSharp.Modules.Linear Linear(long inputs, long outputs, Generator generator)
    {
        var layer = nn.Linear(inputs, outputs);
        double bound = 1.0 / Math.Sqrt(inputs);
        using (no_grad())
        {
            layer.weight!.uniform_(-bound, bound, generator);
            layer.bias!.uniform_(-bound, bound, generator);
        }

        return layer;
    }

    /// <summary>A Conv2d with kaiming-normal (fan_out, relu) weights and the default uniform bias.</summary>
    public static TorchSharp.Modules.Conv2d ConvKaimingOut(
        long inputs, long outputs, long kernel, Generator generator, long stride = 1, long padding = 0, bool bias = true)
    {
        var conv = nn.Conv2d(inputs, outputs, kernel, stride: stride, padding: padding, bias: bias);
        double fanOut = outputs * kernel * kernel;
        double fanIn = inputs * kernel * kernel;
        using (no_grad())
        {
            conv.weight!.normal_(0.0, Math.Sqrt(2.0 / fanOut), generator);
            if (bias)
            {
                double bound = 1.0 / Math.Sqrt(fanIn);
                conv.bias!.uniform_(-bound, bound, generator);
            }
        }

        return conv;
    }

    /// <summary>BatchNorm2d with weight 1 and bias 0 (the default).</summary>
    public static TorchSharp.Modules.BatchNorm2d BatchNorm(long features) => nn.BatchNorm2d(features);
}
