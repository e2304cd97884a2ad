using System.Globalization;

namespace ILrg.Data;

/// <summary>Builds an <see cref="InMemoryDataset"/> from an IDX image file and an IDX label file.</summary>
public static class IdxDataset
{
    /// <summary>Loads images (N×H×W bytes) and labels (N bytes); pixels become byte/255.</summary>
    /// <param name="name">The dataset's name in reports and messages.</param>
    /// <param name="imagesPath">The IDX image file (rank 3).</param>
    /// <param name="labelsPath">The IDX label file (rank 1).</param>
    /// <param name="classes">Labels must lie in [0, classes).</param>
    /// <param name="normalisation">Applied on read.</param>
    /// <param name="requiredSize">When given, images must be 1×H×W of exactly this shape (MNIST: 1×28×28).</param>
    /// <exception cref="InvalidDataException">Malformed files, no images, counts that disagree, a label out of range or
    /// images of another shape (the message names the file).</exception>
    public static InMemoryDataset Load(
        string name, string imagesPath, string labelsPath, int classes, Normalisation normalisation,
        ImageShape? requiredSize = null)
    {
        // Shapes first, from the headers alone, so that a file of another dataset is refused before its data is read.
        int[] imageDims = IdxReader.ReadDimensions(imagesPath);
        if (imageDims.Length != 3)
        {
            throw new InvalidDataException(
                $"{imagesPath}: expected N×H×W images, found rank {imageDims.Length} ({Dims(imageDims)})");
        }

        int count = imageDims[0];
        if (count == 0 || imageDims[1] == 0 || imageDims[2] == 0)
        {
            throw new InvalidDataException($"{imagesPath}: holds no images ({Dims(imageDims)})");
        }

        ImageShape shape = ShapeOf(imagesPath, imageDims);
        if (requiredSize is not null && shape != requiredSize)
        {
            throw new InvalidDataException(
                $"{imagesPath}: images are {shape}, but {name} images are {requiredSize}; " +
                $"this is not a {name} IDX file");
        }

        int[] labelDims = IdxReader.ReadDimensions(labelsPath);
        if (labelDims.Length != 1 || labelDims[0] != count)
        {
            throw new InvalidDataException(
                $"{labelsPath}: {Dims(labelDims)} labels do not match the {count} images of {imagesPath}");
        }

        IdxReader.IdxArray images = IdxReader.Read(imagesPath);
        IdxReader.IdxArray labels = IdxReader.Read(labelsPath);

        int bad = Array.FindIndex(labels.Data, b => b >= classes);
        if (bad >= 0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{labelsPath}: label {labels.Data[bad]} at index {bad} is outside 0..{classes - 1}") +
                $" ({name} has {classes} classes)");
        }

        var pixels = new float[images.Data.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = images.Data[i] / 255f;
        }

        int[] labelValues = labels.Data.Select(b => (int)b).ToArray();
        return new InMemoryDataset(name, shape, classes, pixels, labelValues, normalisation);
    }

    private static ImageShape ShapeOf(string path, int[] dims)
    {
        try
        {
            return new ImageShape(1, dims[1], dims[2]);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: implausible image size: {e.Message}", e);
        }
    }

    private static string Dims(int[] dims) => string.Join("×", dims);

    /// <summary>Finds "{prefix}-images-idx3-ubyte[.gz]" and "{prefix}-labels-idx1-ubyte[.gz]" in a folder.</summary>
    /// <returns>The two paths, or null when either is missing.</returns>
    public static (string Images, string Labels)? Find(string directory, string prefix)
    {
        string? images = FirstExisting(directory, $"{prefix}-images-idx3-ubyte", $"{prefix}-images.idx3-ubyte");
        string? labels = FirstExisting(directory, $"{prefix}-labels-idx1-ubyte", $"{prefix}-labels.idx1-ubyte");
        return images is null || labels is null ? null : (images, labels);
    }

    private static string? FirstExisting(string directory, params string[] stems) =>
        stems.SelectMany(s => new[] { s, s + ".gz" })
            .Select(s => Path.Combine(directory, s))
            .FirstOrDefault(File.Exists);
}
