using ILrg.Numerics;

namespace ILrg.Data;

/// <summary>
/// A grey-scale dataset upscaled (bilinear, half-pixel centres) to <c>size</c>×<c>size</c> and replicated to three
/// channels, so that CIFAR-shaped models (3×32×32) run on real MNIST-like images.
/// </summary>
/// <remarks>Not in the paper: a real-image stand-in for CIFAR-100's 3×32×32 format (issue 4). Pixels keep the inner
/// dataset's normalisation, applied to each channel.</remarks>
public sealed class Rgb32Dataset : IImageDataset
{
    private readonly IImageDataset _inner;
    private readonly int _size;

    /// <summary>Wraps <paramref name="inner"/> (one channel).</summary>
    /// <exception cref="ArgumentException">The inner dataset is not single-channel, or the size is below 1.</exception>
    public Rgb32Dataset(IImageDataset inner, int size = 32)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Guard.AtLeast(size, 1, "image size");
        if (inner.Shape.Channels != 1)
        {
            throw new ArgumentException($"{inner.Name} has shape {inner.Shape}; the adapter needs one channel");
        }

        _inner = inner;
        _size = size;
        Shape = new ImageShape(3, size, size);
    }

    /// <summary>The normalisation of the output pixels (the inner one, per channel).</summary>
    public Normalisation Normalisation => _inner.Normalisation;

    /// <inheritdoc />
    public string Name => $"{_inner.Name} (3x{_size}x{_size})";

    /// <inheritdoc />
    public bool IsSynthetic => _inner.IsSynthetic;

    /// <inheritdoc />
    public int Count => _inner.Count;

    /// <inheritdoc />
    public int Classes => _inner.Classes;

    /// <inheritdoc />
    public ImageShape Shape { get; }

    /// <inheritdoc />
    public int LabelOf(int index) => _inner.LabelOf(index);

    /// <inheritdoc />
    public void ReadImage(int index, Span<float> destination)
    {
        ImageShape source = _inner.Shape;
        Span<float> grey = source.Size <= 4096 ? stackalloc float[source.Size] : new float[source.Size];
        _inner.ReadImage(index, grey);
        int plane = _size * _size;
        double sy = (double)source.Height / _size;
        double sx = (double)source.Width / _size;
        for (int y = 0; y < _size; y++)
        {
            double fy = Math.Clamp(((y + 0.5) * sy) - 0.5, 0, source.Height - 1);
            int y0 = (int)fy;
            int y1 = Math.Min(y0 + 1, source.Height - 1);
            double wy = fy - y0;
            for (int x = 0; x < _size; x++)
            {
                double fx = Math.Clamp(((x + 0.5) * sx) - 0.5, 0, source.Width - 1);
                int x0 = (int)fx;
                int x1 = Math.Min(x0 + 1, source.Width - 1);
                double wx = fx - x0;
                // Interpolating normalised values equals interpolating raw ones (the map is affine).
                double v = ((1 - wy) * (((1 - wx) * grey[(y0 * source.Width) + x0])
                    + (wx * grey[(y0 * source.Width) + x1]))) +
                           (wy * (((1 - wx) * grey[(y1 * source.Width) + x0]) + (wx * grey[(y1 * source.Width) + x1])));
                destination[(y * _size) + x] = (float)v;
            }
        }

        // The normalisation is shared by all channels, so the grey plane is copied as is.
        destination[..plane].CopyTo(destination.Slice(plane, plane));
        destination[..plane].CopyTo(destination.Slice(2 * plane, plane));
    }
}
