using System.CommandLine;
using ILrg.Data;
using ILrg.Interop;

namespace ILrg.Cli.Options;

/// <summary>The audited model's architecture: <c>--arch</c> (TorchVision's <c>torchvision:resnet18</c>, … or ILrg's
/// <c>fcn</c>, <c>lenet5</c>, …) and <c>--input-shape</c>; with <paramref name="auxiliary"/>, also
/// <c>--aux-data</c>.</summary>
/// <param name="auxiliary">Offer <c>--aux-data</c>.</param>
public sealed class ArchitectureOptions(bool auxiliary = true) : IOptionGroup
{
    private readonly Option<string?> _arch = new("--arch")
    {
        Description = "The model's architecture, to run methods that need forward passes: " +
                      string.Join(", ", ModelArchitectures.Names) + " (ILrg's may end in -silu or -leaky-relu)",
    };

    private readonly Option<ImageShape?> _shape = Optional(OptionFactory.Parsed<ImageShape?>(
        "--input-shape", "The model's input shape CxHxW (default: from the architecture and the state)",
        ImageShape.Parse, null));

    private readonly Option<string?> _aux = new("--aux-data")
    {
        Description = "Held-out images for the methods that calibrate on auxiliary data: a .npy of model inputs " +
                      "(count×C×H×W), a folder of MNIST IDX files, or a folder of class folders of images",
    };

    /// <inheritdoc />
    public IEnumerable<Option> Options => auxiliary ? [_arch, _shape, _aux] : [_arch, _shape];

    /// <summary>The architecture, the input shape and the auxiliary data (each null when not given).</summary>
    public (string? Architecture, ImageShape? InputShape, string? AuxiliaryData) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? aux = auxiliary ? parse.GetValue(_aux) : null;
        return (parse.GetValue(_arch), parse.GetValue(_shape), aux is null ? null : Path.GetFullPath(aux));
    }

    private static Option<T> Optional<T>(Option<T> option)
    {
        option.Required = false;
        return option;
    }
}
