using System.Globalization;
using ILrg.Numerics;
using static TorchSharp.torch;

namespace ILrg.Data;

/// <summary>A sampled batch: dataset indices and their labels; images are materialised on demand, chunk by chunk.</summary>
public sealed record Batch(IImageDataset Dataset, IReadOnlyList<int> Indices, IReadOnlyList<int> Labels)
{
    /// <summary>Batch size N.</summary>
    public int Size => Indices.Count;

    /// <summary>Per-class counts (the ground truth of label restoration).</summary>
    public int[] Counts()
    {
        var counts = new int[Dataset.Classes];
        foreach (int label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>Images [start, start+count) as a float32 tensor count×C×H×W (caller owns it).</summary>
    /// <exception cref="ArgumentException">The chunk holds more values than one array can (use smaller
    /// chunks).</exception>
    public Tensor Images(int start, int count)
    {
        ImageShape shape = Dataset.Shape;
        long values = TensorMemory.Elements([count, shape.Size], "image chunk");
        if (values > Array.MaxLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{count} images of {shape} are {values} values " +
                $"({TensorMemory.FormatBytes(values * TensorMemory.SingleBytes)}), more than one chunk can hold " +
                $"({Array.MaxLength} values); process the batch in smaller chunks (--chunk-size)"));
        }

        var pixels = new float[values];
        for (int i = 0; i < count; i++)
        {
            Dataset.ReadImage(Indices[start + i], pixels.AsSpan(i * shape.Size, shape.Size));
        }

        return tensor(pixels, [count, shape.Channels, shape.Height, shape.Width]);
    }

    /// <summary>All images (caller owns the tensor).</summary>
    public Tensor Images() => Images(0, Size);

    /// <summary>Labels [start, start+count) as an int64 tensor.</summary>
    public Tensor LabelTensor(int start, int count) =>
        tensor(Labels.Skip(start).Take(count).Select(l => (long)l).ToArray(), int64);
}
