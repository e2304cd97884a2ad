using ILrg.Data;
using TorchSharp;

namespace ILrg.Models;

/// <summary>Builds classifiers by name.</summary>
public static class ModelZoo
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fcn", "lenet5", "vgg11", "vgg13", "vgg16", "vgg19", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152"];

    /// <summary>Builds and initialises a model for images of <paramref name="shape"/> and <paramref name="classes"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name, or a shape the model cannot take.</exception>
    public static Classifier Create(ModelSpec spec, ImageShape shape, int classes, torch.Generator generator)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Classifier model = spec.Name.ToLowerInvariant() switch
        {
            "fcn" or "dnn" => new Fcn(shape.Size, classes, spec.HiddenLayers, spec.Width, spec.Activation, generator),
            "lenet5" or "lenet" => CreateLeNet(spec, shape, classes, generator),
            "vgg11" or "vgg13" or "vgg16" or "vgg19" => new Vgg(Depth(spec.Name), shape.Channels, Square(spec, shape), classes, spec.Dropout, generator),
            "resnet18" or "resnet34" or "resnet50" or "resnet101" or "resnet152" => new ResNet(Depth(spec.Name), shape.Channels, classes, generator),
            _ => throw new ArgumentException(
                $"unknown model '{spec.Name}'; known: {string.Join(", ", Names)}", nameof(spec)),
        };
        return spec.CheckpointPath is null ? model : Checkpoints.LoadInto(model, shape, spec.CheckpointPath);
    }

    private static int Depth(string name) =>
        int.Parse(name.AsSpan(name.AsSpan().IndexOfAnyInRange('0', '9')), System.Globalization.CultureInfo.InvariantCulture);

    private static int Square(ModelSpec spec, ImageShape shape) => shape.Height == shape.Width
        ? shape.Height
        : throw new ArgumentException($"{spec.Name} needs square images, got {shape}", nameof(shape));

    private static LeNet5 CreateLeNet(ModelSpec spec, ImageShape shape, int classes, torch.Generator generator)
    {
        if (shape.Height != shape.Width)
        {
            throw new ArgumentException($"LeNet-5 needs square images, got {shape}", nameof(shape));
        }

        return new LeNet5(shape.Channels, shape.Height, classes, spec.Activation, spec.BatchNorm, generator);
    }
}
