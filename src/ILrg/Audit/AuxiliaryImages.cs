using System.Globalization;
using ILrg.Data;
using ILrg.Interop;

namespace ILrg.Audit;

/// <summary>
/// Held-out images an auditor has from the client's data distribution (never the client's batch), for the methods
/// that calibrate on auxiliary data (LLG+, LLG*). Their labels are not used: the calibrations need forward passes
/// only.
/// </summary>
/// <remarks>
/// Accepted: a NumPy <c>.npy</c> file of count×C×H×W inputs already in the model's input space (normalised as the
/// model expects); a folder of MNIST-format IDX files (<c>t10k-</c> or <c>train-images-idx3-ubyte[.gz]</c> with their
/// labels; 1×28×28, MNIST normalisation); or a folder of class folders of JPEG/PNG images (ImageNet pre-processing:
/// 3×224×224, ImageNet normalisation). The images used are <c>size</c> evenly spaced ones (the first, then every
/// count/size-th), so class folders contribute alike and no randomness enters.
/// </remarks>
public static class AuxiliaryImages
{
    /// <summary>Opens <paramref name="path"/> and picks <paramref name="size"/> images of
    /// <paramref name="inputShape"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A malformed file, or images of another shape than the model's.
    /// </exception>
    public static Batch Open(string path, ImageShape inputShape, int size)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        IImageDataset data = Directory.Exists(path) ? OpenFolder(path) : OpenArray(path, inputShape);
        if (data.Shape != inputShape)
        {
            throw new InvalidDataException(
                $"--aux-data {path}: its images are {data.Shape} but the model takes {inputShape}");
        }

        int take = Math.Min(size, data.Count);
        int[] indices = [.. Enumerable.Range(0, take).Select(i => (int)((long)i * data.Count / take))];
        return new Batch(data, indices, [.. indices.Select(data.LabelOf)]);
    }

    private static IImageDataset OpenFolder(string folder)
    {
        foreach (string prefix in new[] { "t10k", "train" })
        {
            if (IdxDataset.Find(folder, prefix) is { } files)
            {
                return IdxDataset.Load("auxiliary (IDX)", files.Images, files.Labels, 10, Normalisation.Mnist,
                    DatasetCatalog.MnistShape);
            }
        }

        return ImageFolderDataset.Open(folder, "auxiliary (image folders)");
    }

    private static InMemoryDataset OpenArray(string path, ImageShape shape)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--aux-data {path} does not exist (give a .npy file or a folder)", path);
        }

        (float[] values, int count) = InputArrays.ReadImages(path, shape, "--aux-data");
        var identity = new Normalisation([0.0], [1.0]); // the values are model inputs already
        return new InMemoryDataset(
            string.Create(CultureInfo.InvariantCulture, $"auxiliary ({Path.GetFileName(path)})"),
            shape, 1, values, new int[count], identity);
    }
}
