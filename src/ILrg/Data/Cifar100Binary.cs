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

    /// <summary>The most records a file may hold: 60,000, all of CIFAR-100 (train.bin has 50,000, test.bin
    /// 10,000).</summary>
    public const int MaxRecords = 60_000;

    /// <summary>Reads a whole file.</summary>
    /// <remarks>Strict and bounded: the file length must be a whole, positive number of records and at most
    /// <see cref="MaxRecords"/> records, checked before anything is allocated; then at most 184 MB (60,000 × 3072 pixel
    /// bytes) is held.</remarks>
    /// <exception cref="InvalidDataException">Empty, truncated or oversized file, trailing bytes, or a label out of
    /// range (the message names the file).</exception>
    public static Cifar100Binary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        long length = file.Length;
        if (length == 0 || length % RecordSize != 0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {length} bytes is not a whole number of {RecordSize}-byte CIFAR-100 records " +
                $"(truncated, trailing bytes, or not a CIFAR-100 binary file; {length % RecordSize} bytes left over)"));
        }

        if (length / RecordSize > MaxRecords)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {length / RecordSize} records is more than CIFAR-100 holds ({MaxRecords})"));
        }

        int count = (int)(length / RecordSize);
        var labels = new int[count];
        var pixels = new byte[count * 3072];
        var record = new byte[RecordSize];
        for (int i = 0; i < count; i++)
        {
            if (file.ReadAtLeast(record, RecordSize, throwOnEndOfStream: false) < RecordSize)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: truncated while reading record {i} of {count} (the file shrank while being read)"));
            }

            int coarse = record[0];
            int fine = record[1];
            if (coarse >= CoarseClasses || fine >= 100)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: record {i} has coarse label {coarse} (must be < 20) and fine label {fine} (must be < 100); not a CIFAR-100 binary file (CIFAR-10's records have one label byte)"));
            }

            labels[i] = fine;
            record.AsSpan(2).CopyTo(pixels.AsSpan(i * 3072, 3072));
        }

        if (file.ReadByte() >= 0)
        {
            throw new InvalidDataException(
                $"{path}: trailing bytes after {count} records (the file grew while being read)");
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
