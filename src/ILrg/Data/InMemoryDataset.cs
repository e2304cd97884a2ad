using ILrg.Numerics;

namespace ILrg.Data;

/// <summary>A dataset held in memory as raw [0,1] pixels, normalised on read.</summary>
public sealed class InMemoryDataset : IImageDataset
{
    private readonly float[] _pixels;
    private readonly int[] _labels;

    /// <summary>Validates and wraps the data (pixels are not copied).</summary>
    public InMemoryDataset(string name, ImageShape shape, int classes, float[] rawPixels, int[] labels, Normalisation normalisation)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rawPixels);
        ArgumentNullException.ThrowIfNull(labels);
        Guard.AtLeast(classes, 1, nameof(classes));
        if ((long)labels.Length * shape.Size != rawPixels.LongLength)
        {
            throw new InvalidDataException(
                $"{name}: {labels.Length} labels of shape {shape} need {(long)labels.Length * shape.Size} pixels, found {rawPixels.LongLength}");
        }

        int bad = Array.FindIndex(labels, l => l < 0 || l >= classes);
        if (bad >= 0)
        {
            throw new InvalidDataException($"{name}: label {labels[bad]} at index {bad} is outside [0, {classes})");
        }

        Guard.Finite(rawPixels, name + " pixels");
        Name = name;
        Shape = shape;
        Classes = classes;
        _pixels = rawPixels;
        _labels = labels;
        Normalisation = normalisation;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Normalisation Normalisation { get; }

    /// <inheritdoc />
    public bool IsSynthetic => false;

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public int Classes { get; }

    /// <inheritdoc />
    public ImageShape Shape { get; }

    /// <inheritdoc />
    public int LabelOf(int index) => _labels[index];

    /// <inheritdoc />
    public void ReadImage(int index, Span<float> destination)
    {
        int size = Shape.Size;
        _pixels.AsSpan(index * size, size).CopyTo(destination);
        Normalisation.Apply(destination[..size], Shape);
    }
}
