using System.Globalization;
using ILrg.Data;
using ILrg.Models;
using ILrg.Reporting;
using TorchSharp;

namespace ILrg.Interop;

/// <summary>
/// Builds the model an audited state dict belongs to, from an architecture name: <c>torchvision:NAME</c> (TorchVision's
/// ImageNet architectures, <see cref="TorchVisionModels"/>) or one of ILrg's own (<see cref="ModelZoo"/>: <c>fcn</c>,
/// <c>lenet5</c>, <c>vgg11</c>…<c>vgg19</c>, <c>resnet18</c>…<c>resnet152</c>, optionally with an activation suffix
/// such as <c>lenet5-silu</c>). What the name leaves open is read from the state dict: the class count from the final
/// layer, the FCN's depth, width and input size, LeNet-5's channels, image side and BatchNorm.
/// </summary>
public static class ModelArchitectures
{
    private const string TorchVisionPrefix = "torchvision:";

    /// <summary>Every accepted name (TorchVision's with their prefix), for help texts and messages.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. ModelZoo.Names, .. TorchVisionModels.Names.Select(n => TorchVisionPrefix + n)];

    /// <summary>Builds the architecture named <paramref name="architecture"/>, sized for <paramref name="state"/>.
    /// </summary>
    /// <param name="architecture">The name (see the class remarks).</param>
    /// <param name="state">The model state the architecture must hold.</param>
    /// <param name="finalLayer">The state's final layer (C is its output size).</param>
    /// <param name="inputShape">The input shape, or null to infer it (TorchVision: 3×224×224; an FCN: from its input
    /// size when it is 784, 3072 or 150528; LeNet-5: from its first Linear layer; VGG and ResNet: C_in×32×32).</param>
    /// <returns>The model (initialised, not loaded) and the input shape it is built for.</returns>
    /// <exception cref="ArgumentException">An unknown name, or a state dict the name cannot describe (the message says
    /// what is missing, e.g. <c>--input-shape</c>).</exception>
    public static (Classifier Model, ImageShape InputShape) Build(
        string architecture, StateDict state, FinalLayer finalLayer, ImageShape? inputShape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(finalLayer);
        string name = architecture.Trim().ToLowerInvariant();
        if (name.StartsWith(TorchVisionPrefix, StringComparison.Ordinal))
        {
            return (TorchVisionModels.Create(name[TorchVisionPrefix.Length..], finalLayer.Classes),
                inputShape ?? TorchVisionModels.DefaultInputShape);
        }

        (string zooName, Activation activation) = SplitActivation(name);
        if (zooName is "fcn" or "lenet5" && !state.HasModelOrder)
        {
            throw new ArgumentException(
                $"--arch {zooName}: {state.Source} is a {state.Format} file, which keeps its tensors sorted by name, " +
                "not in the model's order, so the layers cannot be read off it; give the model state as .pt or .npz");
        }

        using var generator = new torch.Generator(0);
        return zooName switch
        {
            "fcn" => Fcn(state, finalLayer, inputShape, activation, generator),
            "lenet5" => LeNet(state, finalLayer, inputShape, activation, generator),
            _ when ModelZoo.Names.Contains(zooName) => Other(zooName, state, finalLayer, inputShape, generator),
            _ => throw new ArgumentException(
                $"unknown architecture '{architecture}' for --arch; known: {string.Join(", ", Names)} (ILrg's own " +
                "may end in -relu, -silu or -leaky-relu)"),
        };
    }

    private static (string Name, Activation Activation) SplitActivation(string name)
    {
        foreach (string activation in EnumText.Names<Activation>().OrderByDescending(a => a.Length))
        {
            if (name.EndsWith("-" + activation, StringComparison.Ordinal))
            {
                return (name[..^(activation.Length + 1)], EnumText.Parse<Activation>(activation));
            }
        }

        return (name, Activation.Relu);
    }

    private static (Classifier, ImageShape) Fcn(
        StateDict state, FinalLayer layer, ImageShape? shape, Activation activation, torch.Generator generator)
    {
        var linear = state.Where(t => t.Rank == 2 && t.DType.IsFloatingPoint()).ToList();
        if (linear.Count < 2)
        {
            throw new ArgumentException(
                $"--arch fcn: {state.Source} has {linear.Count} 2-D weight(s); an FCN has at least an input layer " +
                "and the final layer");
        }

        int inputs = (int)linear[0].Shape[1];
        int width = (int)linear[0].Shape[0];
        ImageShape input = shape ?? InferFlatShape(inputs)
            ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--arch fcn: the first layer takes {inputs} inputs; give the image shape with --input-shape CxHxW " +
                $"(C·H·W = {inputs})"));
        RequireSize(input, inputs, "fcn");
        var spec = new ModelSpec("fcn", linear.Count - 2, width, activation);
        return (ModelZoo.Create(spec, input, layer.Classes, generator), input);
    }

    private static (Classifier, ImageShape) LeNet(
        StateDict state, FinalLayer layer, ImageShape? shape, Activation activation, torch.Generator generator)
    {
        StateTensor conv = state.FirstOrDefault(t => t.Rank == 4)
            ?? throw new ArgumentException($"--arch lenet5: {state.Source} has no 4-D convolution weight");
        StateTensor first = state.FirstOrDefault(t => t.Rank == 2)
            ?? throw new ArgumentException($"--arch lenet5: {state.Source} has no 2-D weight");
        int side = first.Shape[1] switch
        {
            256 => 28,
            400 => 32,
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--arch lenet5: its first Linear layer '{first.Name}' takes {first.Shape[1]} inputs; LeNet-5 takes " +
                $"256 (28×28 images) or 400 (32×32)")),
        };
        var input = new ImageShape((int)conv.Shape[1], side, side);
        if (shape is not null && shape != input)
        {
            throw new ArgumentException($"--input-shape {shape} does not fit the LeNet-5 state, which is for {input}");
        }

        bool batchNorm = state.Names.Any(n => n.EndsWith(".running_mean", StringComparison.Ordinal));
        var spec = new ModelSpec("lenet5", Activation: activation, BatchNorm: batchNorm);
        return (ModelZoo.Create(spec, input, layer.Classes, generator), input);
    }

    private static (Classifier, ImageShape) Other(
        string name, StateDict state, FinalLayer layer, ImageShape? shape, torch.Generator generator)
    {
        StateTensor conv = state.FirstOrDefault(t => t.Rank == 4)
            ?? throw new ArgumentException($"--arch {name}: {state.Source} has no 4-D convolution weight");
        ImageShape input = shape ?? new ImageShape((int)conv.Shape[1], 32, 32);
        return (ModelZoo.Create(new ModelSpec(name), input, layer.Classes, generator), input);
    }

    private static ImageShape? InferFlatShape(int inputs) => inputs switch
    {
        784 => new ImageShape(1, 28, 28),
        3072 => new ImageShape(3, 32, 32),
        150528 => new ImageShape(3, 224, 224),
        _ => null,
    };

    private static void RequireSize(ImageShape shape, int inputs, string name)
    {
        if (shape.Size != inputs)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--input-shape {shape} has {shape.Size} values but the {name}'s first layer takes {inputs}"));
        }
    }
}
