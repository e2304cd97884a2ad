namespace ILrg.Data;

/// <summary>Opens the datasets only a user can bring (CIFAR-100 binary, ImageNet folders) for
/// <see cref="DatasetCatalog"/>.</summary>
/// <remarks>SPEC.md §6. Neither is obtainable on this machine; both need <c>--data-dir</c>.</remarks>
public static class FileDatasets
{
    /// <summary>CIFAR-100 from <c>{split}.bin</c> in the request's data folder (or its <c>cifar-100-binary</c>
    /// subfolder).</summary>
    /// <exception cref="EnvironmentMissingException">No data folder given, or no such file in it.</exception>
    public static Cifar100Binary OpenCifar100(DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string directory = request.DataDirectory ?? throw new EnvironmentMissingException(
            "cifar100: pass --data-dir with train.bin/test.bin from the CIFAR-100 binary version " +
            "(or use --dataset synthetic for the CIFAR-100-shaped stand-in)");
        string? path = Directory.Exists(directory) ? Cifar100Binary.Find(directory, request.Split) : null;
        return path is null
            ? throw new EnvironmentMissingException(
                $"cifar100: no {request.Split}.bin in {directory} or {Path.Combine(directory, "cifar-100-binary")}")
            : Cifar100Binary.Load(path);
    }

    /// <summary>ImageNet from class folders in the data folder, or in its <c>train</c>/<c>val</c> subfolder for the
    /// split.</summary>
    /// <exception cref="EnvironmentMissingException">No data folder given, or it does not exist.</exception>
    public static ImageFolderDataset OpenImageNet(DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string directory = request.DataDirectory ?? throw new EnvironmentMissingException(
            "imagenet: pass --data-dir with a folder of class folders of JPEG/PNG images " +
            "(or use --dataset synthetic --classes 1000 --image-shape 3x224x224 for the ImageNet-shaped stand-in)");
        if (!Directory.Exists(directory))
        {
            throw new EnvironmentMissingException($"imagenet: folder {directory} does not exist");
        }

        string splitFolder = Path.Combine(directory, request.Split == "test" ? "val" : "train");
        return ImageFolderDataset.Open(Directory.Exists(splitFolder) ? splitFolder : directory);
    }

    /// <summary>True when a synthetic request has ImageNet's shape and class count (3×224×224, 1000 classes).</summary>
    public static bool IsImageNetShaped(DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Shape == new ImageShape(3, 224, 224) && request.Classes == 1000;
    }
}
