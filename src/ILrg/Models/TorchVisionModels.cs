using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// TorchVision's ImageNet-style architectures (the TorchVision 0.107 package: torchvision's own names, layer names and
/// shapes), for auditing updates of models that were built with PyTorch's torchvision. A PyTorch state dict of the same
/// architecture loads into them by name.
/// </summary>
public static class TorchVisionModels
{
    private static readonly Dictionary<string, (string FinalLayer, Func<int, nn.Module<Tensor, Tensor>> Build)>
        Catalog = new(StringComparer.OrdinalIgnoreCase)
        {
            ["resnet18"] = ("fc", c => torchvision.models.resnet18(num_classes: c)),
            ["resnet34"] = ("fc", c => torchvision.models.resnet34(num_classes: c)),
            ["resnet50"] = ("fc", c => torchvision.models.resnet50(num_classes: c)),
            ["resnet101"] = ("fc", c => torchvision.models.resnet101(num_classes: c)),
            ["resnet152"] = ("fc", c => torchvision.models.resnet152(num_classes: c)),
            ["wide_resnet50_2"] = ("fc", c => torchvision.models.wide_resnet50_2(num_classes: c)),
            ["resnext50_32x4d"] = ("fc", c => torchvision.models.resnext50_32x4d(num_classes: c)),
            ["vgg11"] = ("classifier.6", c => torchvision.models.vgg11(num_classes: c)),
            ["vgg11_bn"] = ("classifier.6", c => torchvision.models.vgg11_bn(num_classes: c)),
            ["vgg13"] = ("classifier.6", c => torchvision.models.vgg13(num_classes: c)),
            ["vgg13_bn"] = ("classifier.6", c => torchvision.models.vgg13_bn(num_classes: c)),
            ["vgg16"] = ("classifier.6", c => torchvision.models.vgg16(num_classes: c)),
            ["vgg16_bn"] = ("classifier.6", c => torchvision.models.vgg16_bn(num_classes: c)),
            ["vgg19"] = ("classifier.6", c => torchvision.models.vgg19(num_classes: c)),
            ["vgg19_bn"] = ("classifier.6", c => torchvision.models.vgg19_bn(num_classes: c)),
            ["alexnet"] = ("classifier.6", c => torchvision.models.alexnet(num_classes: c)),
        };

    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalog.Keys];

    /// <summary>The input TorchVision's ImageNet models are made for.</summary>
    public static Data.ImageShape DefaultInputShape { get; } = new(3, 224, 224);

    /// <summary>The path of <paramref name="name"/>'s final Linear layer (<c>fc</c>, <c>classifier.6</c>).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static string FinalLayerOf(string name) => Entry(name).FinalLayer;

    /// <summary>Builds <paramref name="name"/> with <paramref name="classes"/> outputs (TorchVision's own
    /// initialisation; load weights into it), as a classifier whose embedding is the input of its final layer.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name, or fewer than 2 classes.</exception>
    public static ModuleClassifier Create(string name, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var (finalLayer, build) = Entry(name);
        return new ModuleClassifier("torchvision:" + name.ToLowerInvariant(), build(classes), finalLayer);
    }

    private static (string FinalLayer, Func<int, nn.Module<Tensor, Tensor>> Build) Entry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Catalog.TryGetValue(name, out var entry)
            ? entry
            : throw new ArgumentException(
                $"unknown TorchVision architecture '{name}' for --arch torchvision:NAME; known: " +
                string.Join(", ", Names));
    }
}
