namespace ILrg.Data;

/// <summary>Opens datasets by name.</summary>
public static class DatasetCatalog
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs its IDX files.</summary>
    public const string DebianFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The names <see cref="Open"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mnist", "fashion-mnist", "cifar100", "imagenet", "synthetic"];

    /// <summary>Opens a dataset.</summary>
    /// <exception cref="ArgumentException">Unknown name or split.</exception>
    /// <exception cref="EnvironmentMissingException">The data is not on this machine and cannot be fetched.</exception>
    public static IImageDataset Open(DatasetRequest request, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        IImageDataset dataset = OpenPlain(request, log);
        return request.Rgb32 ? new Rgb32Dataset(dataset) : dataset;
    }

    private static IImageDataset OpenPlain(DatasetRequest request, Action<string>? log)
    {
        if (request.Split is not ("train" or "test"))
        {
            throw new ArgumentException($"unknown split '{request.Split}'; use train or test", nameof(request));
        }

        return request.Name.ToLowerInvariant() switch
        {
            "mnist" => request.DataDirectory is { } dir
                ? OpenIdx("mnist", dir, request.Split, "pass a folder with MNIST IDX files")
                : MnistNpmSource.Load(request.CacheRoot, log),
            "fashion-mnist" => OpenIdx(
                "fashion-mnist",
                request.DataDirectory ?? DebianFashionMnistDirectory,
                request.Split,
                "install Debian's package: apt-get install dataset-fashion-mnist (or pass --data-dir)"),
            "cifar100" => FileDatasets.OpenCifar100(request),
            "imagenet" => FileDatasets.OpenImageNet(request),
            "synthetic" => OpenSynthetic(request),
            _ => throw new ArgumentException(
                $"unknown dataset '{request.Name}'; known: {string.Join(", ", Names)}", nameof(request)),
        };
    }

    private static InMemoryDataset OpenIdx(string name, string directory, string split, string fix)
    {
        string prefix = split == "train" ? "train" : "t10k";
        var files = Directory.Exists(directory) ? IdxDataset.Find(directory, prefix) : null;
        if (files is null)
        {
            throw new EnvironmentMissingException(
                $"{name}: no {prefix}-images-idx3-ubyte[.gz] and {prefix}-labels-idx1-ubyte[.gz] in {directory}; {fix}");
        }

        return IdxDataset.Load(name, files.Value.Images, files.Value.Labels, 10, Normalisation.Mnist);
    }

    private static SyntheticDataset OpenSynthetic(DatasetRequest request)
    {
        if (FileDatasets.IsImageNetShaped(request))
        {
            return SyntheticDataset.ImageNetShaped(request.Seed);
        }

        ImageShape shape = request.Shape ?? new ImageShape(3, 32, 32);
        bool cifarLike = shape == new ImageShape(3, 32, 32) && request.Classes == 100;
        Normalisation norm = shape.Channels == 3 ? Normalisation.Cifar100 : Normalisation.Mnist;
        string label = cifarLike ? "CIFAR-100-shaped" : $"{shape}, {request.Classes} classes";
        return new SyntheticDataset(label, shape, request.Classes, 50_000, request.Seed, norm);
    }
}
