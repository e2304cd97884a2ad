using System.Globalization;
using ILrg.Numerics;

namespace ILrg.Data;

/// <summary>
/// CIFAR-100 in its standard binary format: <c>train.bin</c> / <c>test.bin</c>, records of 3074 bytes (coarse label
/// byte, fine label byte, 3072 pixel bytes: the 1024 red, then green, then blue values of a 32×32 image, row-major).
/// Labels are the 100 fine classes.
/// </summary>
/// <remarks>SPEC.md §6: 3×32×32, CIFAR-100 mean/std normalisation, 100 classes.</remarks>
public sealed class Cifar100Binary : IImageDataset
{
    /// <summary>Bytes per record.</summary>
    public const int RecordSize = 2 + 3072;

    private readonly byte[] _pixels;
    private readonly int[] _labels;

    private Cifar100Binary(string name, byte[] pixels, int[] labels)
    {
        Name = name;
        _pixels = pixels;
        _labels = labels;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsSynthetic => false;

    /// <inheritdoc />
    public Normalisation Normalisation => Normalisation.Cifar100;

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public int Classes => 100;

    /// <inheritdoc />
    public ImageShape Shape { get; } = new(3, 32, 32);

    /// <summary>The coarse (20-superclass) labels are read and checked but not used as targets.</summary>
    public static int CoarseClasses => 20;

    /// <summary>Finds <c>{split}.bin</c> in <paramref name="directory"/> or its <c>cifar-100-binary</c> subfolder.</summary>
    /// <returns>The path, or null when absent.</returns>
    public static string? Find(string directory, string split)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new[] { directory, Path.Combine(directory, "cifar-100-binary") }
            .Select(d => Path.Combine(d, split + ".bin"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="InvalidDataException">Empty or truncated file, or a label out of range.</exception>
    public static Cifar100Binary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0 || bytes.Length % RecordSize != 0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {bytes.Length} bytes is not a whole number of {RecordSize}-byte CIFAR-100 records " +
                $"(truncated or not a CIFAR-100 binary file; {bytes.Length % RecordSize} bytes left over)"));
        }

        int count = bytes.Length / RecordSize;
        var labels = new int[count];
        var pixels = new byte[(long)count * 3072];
        for (int i = 0; i < count; i++)
        {
            int offset = i * RecordSize;
            int coarse = bytes[offset];
            int fine = bytes[offset + 1];
            if (coarse >= CoarseClasses || fine >= 100)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: record {i} has coarse label {coarse} (must be < 20) and fine label {fine} (must be < 100); not a CIFAR-100 binary file (CIFAR-10's records have one label byte)"));
            }

            labels[i] = fine;
            bytes.AsSpan(offset + 2, 3072).CopyTo(pixels.AsSpan(i * 3072, 3072));
        }

        return new Cifar100Binary("cifar100", pixels, labels);
    }

    /// <inheritdoc />
    public int LabelOf(int index) => _labels[index];

    /// <inheritdoc />
    public void ReadImage(int index, Span<float> destination)
    {
        Guard.AtLeast(destination.Length, 3072, "destination length");
        ReadOnlySpan<byte> source = _pixels.AsSpan(index * 3072, 3072);
        for (int i = 0; i < 3072; i++)
        {
            destination[i] = source[i] / 255f;
        }

        Normalisation.Apply(destination[..3072], Shape);
    }
}
