using System.CommandLine;
using ILrg.Data;

namespace ILrg.Cli.Options;

/// <summary>Which data: <c>--dataset</c>, <c>--data-dir</c>, <c>--split</c>, <c>--classes</c>, <c>--image-shape</c>,
/// <c>--rgb32</c>; binds to a <see cref="DatasetRequest"/>.</summary>
/// <param name="defaultSplit">The split read when <c>--split</c> is not given.</param>
/// <param name="prefix">Prefix of every option name (e.g. "attack-" for the attacked data of <c>train</c>).</param>
public sealed class DataOptions(string defaultSplit = "test", string prefix = "") : IOptionGroup
{
    private readonly Option<string> _dataset = OptionFactory.Choice($"--{prefix}dataset", "Dataset",
        DatasetCatalog.Names, null);
    private readonly Option<DirectoryInfo?> _dataDir = new($"--{prefix}data-dir")
    {
        Description = "Data folder: IDX files (MNIST / Fashion-MNIST), CIFAR-100 binary, ImageNet class folders",
    };

    private readonly Option<string> _split = OptionFactory.Choice($"--{prefix}split", "Data split", ["train", "test"],
        defaultSplit);
    private readonly Option<int> _classes = OptionFactory.WholeNumber($"--{prefix}classes",
        "Synthetic: number of classes", 1, 100);
    private readonly Option<ImageShape> _shape = OptionFactory.Parsed(
        $"--{prefix}image-shape", "Synthetic: image shape CxHxW", ImageShape.Parse, "3x32x32");

    private readonly Option<bool> _rgb32 = new($"--{prefix}rgb32")
    {
        Description = "Upscale grey images to 32x32 and replicate them to 3 channels (real images in CIFAR's format)",
    };

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_dataset, _dataDir, _split, _classes, _shape, _rgb32];

    /// <summary>The request; <paramref name="seed"/> seeds synthetic pixels.</summary>
    public DatasetRequest Bind(ParseResult parse, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new DatasetRequest(
            parse.GetValue(_dataset)!, parse.GetValue(_dataDir)?.FullName, parse.GetValue(_split)!,
            parse.GetValue(_classes),
            parse.GetValue(_shape), seed, Rgb32: parse.GetValue(_rgb32));
    }

    /// <summary>The same data with another split (e.g. the attacked split of <c>train</c>).</summary>
    public static DatasetRequest WithSplit(DatasetRequest request, string split) =>
        (request ?? throw new ArgumentNullException(nameof(request))) with { Split = split };
}
