using ILrg.Data;
using TorchSharp;

namespace ILrg.Models;

/// <summary>Builds classifiers by name.</summary>
public static class ModelZoo
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fcn", "lenet5"];

    /// <summary>Builds and initialises a model for images of <paramref name="shape"/> and <paramref name="classes"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name, or a shape the model cannot take.</exception>
    public static Classifier Create(ModelSpec spec, ImageShape shape, int classes, torch.Generator generator)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Name.ToLowerInvariant() switch
        {
            "fcn" or "dnn" => new Fcn(shape.Size, classes, spec.HiddenLayers, spec.Width, spec.Activation, generator),
            "lenet5" or "lenet" => CreateLeNet(spec, shape, classes, generator),
            _ => throw new ArgumentException(
                $"unknown model '{spec.Name}'; known: {string.Join(", ", Names)}", nameof(spec)),
        };
    }

    private static LeNet5 CreateLeNet(ModelSpec spec, ImageShape shape, int classes, torch.Generator generator)
    {
        if (shape.Height != shape.Width)
        {
            throw new ArgumentException($"LeNet-5 needs square images, got {shape}", nameof(shape));
        }

        return new LeNet5(shape.Channels, shape.Height, classes, spec.Activation, spec.BatchNorm, generator);
    }
}
