using System.Globalization;
using ILrg.Numerics;
using static TorchSharp.torch;

namespace ILrg.Data;

/// <summary>A sampled batch: dataset indices and their labels; images are materialised on demand, chunk by
/// chunk.</summary>
public sealed record Batch(IImageDataset Dataset, IReadOnlyList<int> Indices, IReadOnlyList<int> Labels)
{
    /// <summary>Batch size N.</summary>
    public int Size => Indices.Count;

    /// <summary>Chunks of at least this many values (about 85 CIFAR images) are read on every core; smaller ones on
    /// the calling thread, leaving the cores to libtorch.</summary>
    private const long ParallelReadValues = 1 << 18;

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
        int size = shape.Size;
        if (values < ParallelReadValues)
        {
            for (int i = 0; i < count; i++)
            {
                Dataset.ReadImage(Indices[start + i], pixels.AsSpan(i * size, size));
            }
        }
        else
        {
            // Images are independent (each a pure function of its index), so reading them on every core gives the same
            // pixels in the same places; it halves the client stage of large synthetic batches on two cores.
            Parallel.For(0, count, i => Dataset.ReadImage(Indices[start + i], pixels.AsSpan(i * size, size)));
        }

        // The tensor shares the array's memory (pinned until the tensor's storage is freed): no second copy.
        using Tensor flat = from_array(pixels);
        return flat.reshape(count, shape.Channels, shape.Height, shape.Width);
    }

    /// <summary>All images (caller owns the tensor).</summary>
    public Tensor Images() => Images(0, Size);

    /// <summary>Labels [start, start+count) as an int64 tensor.</summary>
    public Tensor LabelTensor(int start, int count) =>
        tensor(Labels.Skip(start).Take(count).Select(l => (long)l).ToArray(), int64);
}
