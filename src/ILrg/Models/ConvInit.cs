using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>Convolution factories for the large models (VGG, ResNet), each initialised from an explicit
/// generator.</summary>
/// <remarks>
/// SPEC.md §5: PyTorch's default (kaiming-uniform a = √5, i.e. U(±1/√fan_in), bias U(±1/√fan_in)) unless a model
/// asks for kaiming-normal (fan_out, relu), which <see cref="Layers.ConvKaimingOut"/> provides.
/// </remarks>
public static class ConvInit
{
    /// <summary>A Conv2d with PyTorch's default initialisation drawn from <paramref name="generator"/>.</summary>
    public static TorchSharp.Modules.Conv2d Default(
        long inputs, long outputs, long kernel, Generator generator, long stride = 1, long padding = 0,
        bool bias = true)
    {
        var conv = Layers.UninitialisedConv(inputs, outputs, kernel, stride, padding, bias);
        double bound = 1.0 / Math.Sqrt(inputs * kernel * kernel);
        conv.weight = Layers.Uniform([outputs, inputs, kernel, kernel], bound, generator);
        if (bias)
        {
            conv.bias = Layers.Uniform([outputs], bound, generator);
        }

        return conv;
    }
}
