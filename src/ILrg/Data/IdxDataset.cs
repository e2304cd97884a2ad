namespace ILrg.Data;

/// <summary>Builds an <see cref="InMemoryDataset"/> from an IDX image file and an IDX label file.</summary>
public static class IdxDataset
{
    /// <summary>Loads images (N×H×W bytes) and labels (N bytes); pixels become byte/255.</summary>
    /// <exception cref="InvalidDataException">Malformed files or counts that disagree.</exception>
    public static InMemoryDataset Load(string name, string imagesPath, string labelsPath, int classes, Normalisation normalisation)
    {
        IdxReader.IdxArray images = IdxReader.Read(imagesPath);
        IdxReader.IdxArray labels = IdxReader.Read(labelsPath);
        if (images.Dimensions.Length != 3)
        {
            throw new InvalidDataException($"{imagesPath}: expected N×H×W images, found rank {images.Dimensions.Length}");
        }

        if (labels.Dimensions.Length != 1 || labels.Dimensions[0] != images.Dimensions[0])
        {
            throw new InvalidDataException(
                $"{labelsPath}: {string.Join("×", labels.Dimensions)} labels do not match {images.Dimensions[0]} images");
        }

        var pixels = new float[images.Data.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = images.Data[i] / 255f;
        }

        int[] labelValues = labels.Data.Select(b => (int)b).ToArray();
        var shape = new ImageShape(1, images.Dimensions[1], images.Dimensions[2]);
        return new InMemoryDataset(name, shape, classes, pixels, labelValues, normalisation);
    }

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
