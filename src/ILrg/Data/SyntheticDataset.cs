using ILrg.Numerics;

namespace ILrg.Data;

/// <summary>
/// A generated stand-in of any shape and class count: image i is uniform noise in [0,1] from a stream derived from
/// (seed, i), then normalised; label i = i mod C. Images are generated on read, so any size costs no memory. Always
/// reported as synthetic.
/// </summary>
public sealed class SyntheticDataset : IImageDataset
{
    private readonly ulong _seed;
    /// <summary>Images in the stand-ins the catalog opens.</summary>
    public const int DefaultCount = 50_000;

    /// <summary>Creates the stand-in.</summary>
    public SyntheticDataset(string shapeLabel, ImageShape shape, int classes, int count, ulong seed, Normalisation normalisation)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Guard.AtLeast(classes, 1, nameof(classes));
        Guard.AtLeast(count, 1, nameof(count));
        Shape = shape;
        Classes = classes;
        Count = count;
        _seed = seed;
        Normalisation = normalisation;
        Name = $"synthetic ({shapeLabel})";
    }

    /// <summary>A CIFAR-100-shaped stand-in: 3×32×32, 100 classes, 50,000 images, CIFAR-100 normalisation.</summary>
    public static SyntheticDataset Cifar100Shaped(ulong seed = 0) =>
        new("CIFAR-100-shaped", new ImageShape(3, 32, 32), 100, DefaultCount, seed, Normalisation.Cifar100);

    /// <summary>An ImageNet-shaped stand-in: 3×224×224, 1000 classes, 50,000 images, ImageNet normalisation.</summary>
    public static SyntheticDataset ImageNetShaped(ulong seed = 0) =>
        new("ImageNet-shaped", new ImageShape(3, 224, 224), 1000, DefaultCount, seed, Normalisation.ImageNet);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Normalisation Normalisation { get; }

    /// <inheritdoc />
    public bool IsSynthetic => true;

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public int Classes { get; }

    /// <inheritdoc />
    public ImageShape Shape { get; }

    /// <inheritdoc />
    public int LabelOf(int index) => index % Classes;

    /// <inheritdoc />
    public void ReadImage(int index, Span<float> destination)
    {
        var rng = new DeterministicRandom(DeterministicRandom.Derive(_seed, (ulong)index));
        Span<float> pixels = destination[..Shape.Size];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)rng.NextDouble();
        }

        Normalisation.Apply(pixels, Shape);
    }
}
