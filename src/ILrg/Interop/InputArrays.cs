using System.Globalization;
using ILrg.Data;

namespace ILrg.Interop;

/// <summary>
/// Reads image batches and label lists that an auditor brings as NumPy <c>.npy</c> files (strictly, through
/// <see cref="NpyReader"/>): images as count×C×H×W (or count×H×W for one channel, or count×(C·H·W)), labels as count
/// integers.
/// </summary>
public static class InputArrays
{
    /// <summary>The most images one file may hold.</summary>
    public const int MaxImages = 1 << 16;

    /// <summary>Reads the images in <paramref name="path"/>, row-major, image after image.</summary>
    /// <param name="path">The <c>.npy</c> file.</param>
    /// <param name="shape">The shape every image must have.</param>
    /// <param name="option">The option that named the file, for messages.</param>
    /// <returns>The values and the image count.</returns>
    /// <exception cref="InvalidDataException">Not a valid array, an image shape other than
    /// <paramref name="shape"/>, no image or too many, or a NaN or infinity.</exception>
    public static (float[] Values, int Count) ReadImages(string path, ImageShape shape, string option)
    {
        ArgumentNullException.ThrowIfNull(shape);
        StateTensor array = NpyReader.Read(path);
        long[] dims = [.. array.Shape];
        bool fits = dims.Length switch
        {
            4 => dims[1] == shape.Channels && dims[2] == shape.Height && dims[3] == shape.Width,
            3 => shape.Channels == 1 && dims[1] == shape.Height && dims[2] == shape.Width,
            2 => dims[1] == shape.Size,
            _ => false,
        };
        if (!fits || !array.DType.IsFloatingPoint())
        {
            throw InteropErrors.Bad(path, string.Create(CultureInfo.InvariantCulture,
                $"{option} needs a floating-point array of count×{shape.Channels}×{shape.Height}×{shape.Width} " +
                $"images (the model's input shape {shape}), got {array.DType.DisplayName()} {array.ShapeText}"));
        }

        if (dims[0] < 1 || dims[0] > MaxImages)
        {
            throw InteropErrors.Bad(path, string.Create(CultureInfo.InvariantCulture,
                $"{option} holds {dims[0]} images; 1 to {MaxImages} are accepted"));
        }

        long bad = array.IndexOfNonFinite();
        if (bad >= 0)
        {
            throw InteropErrors.Bad(path, string.Create(CultureInfo.InvariantCulture,
                $"{option} holds a non-finite value at flat index {bad}"));
        }

        return (array.ToSingles(), (int)dims[0]);
    }

    /// <summary>Reads a 1-D array of class indices in [0, <paramref name="classes"/>).</summary>
    /// <exception cref="InvalidDataException">Not a valid 1-D array, a value that is not a whole number in range, or
    /// a count other than <paramref name="expectedCount"/> (when given).</exception>
    public static int[] ReadLabels(string path, int classes, string option, int? expectedCount = null)
    {
        StateTensor array = NpyReader.Read(path);
        if (array.Rank != 1 || array.ElementCount < 1 || array.ElementCount > MaxImages)
        {
            throw InteropErrors.Bad(path, string.Create(CultureInfo.InvariantCulture,
                $"{option} needs a 1-D array of 1 to {MaxImages} class indices, got {array.ShapeText}"));
        }

        double[] values = array.ToDoubles();
        int at = Array.FindIndex(values, v => !double.IsFinite(v) || v != Math.Floor(v) || v < 0 || v >= classes);
        if (at >= 0)
        {
            throw InteropErrors.Bad(path, string.Create(CultureInfo.InvariantCulture,
                $"{option}: entry {at} is {values[at]}, not a class index in [0, {classes})"));
        }

        if (expectedCount is { } n && values.Length != n)
        {
            throw InteropErrors.Bad(path, string.Create(CultureInfo.InvariantCulture,
                $"{option} holds {values.Length} labels but the batch has N = {n}"));
        }

        return [.. values.Select(v => (int)v)];
    }
}
