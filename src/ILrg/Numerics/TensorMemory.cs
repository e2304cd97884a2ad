using System.Globalization;

namespace ILrg.Numerics;

/// <summary>
/// Overflow-checked size arithmetic for tensors and arrays: element counts and byte sizes of shapes, computed in
/// checked 64-bit integers so that a huge shape gives a clear <see cref="ArgumentException"/> naming the shape instead
/// of a negative or wrapped size.
/// </summary>
public static class TensorMemory
{
    /// <summary>Bytes of one float32 value.</summary>
    public const int SingleBytes = sizeof(float);

    /// <summary>The number of elements of a tensor of <paramref name="shape"/> (1 for a scalar).</summary>
    /// <param name="shape">The dimensions; each must be at least 0.</param>
    /// <param name="what">What the shape describes, for the message (e.g. "image shape").</param>
    /// <exception cref="ArgumentException">A negative dimension, or a product above <see
    /// cref="long.MaxValue"/>.</exception>
    public static long Elements(ReadOnlySpan<long> shape, string what = "tensor shape")
    {
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{what} {Format(shape)} has a negative dimension ({shape[i]} at position {i})"));
            }

            if (shape[i] != 0 && count > long.MaxValue / shape[i])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{what} {Format(shape)} has more than {long.MaxValue} elements (the size overflows 64 bits)"));
            }

            count *= shape[i];
        }

        return count;
    }

    /// <summary>The bytes a tensor of <paramref name="shape"/> with <paramref name="elementSize"/>-byte elements
    /// needs.</summary>
    /// <exception cref="ArgumentException">A negative dimension or element size, or more than
    /// <see cref="long.MaxValue"/> bytes.</exception>
    public static long Bytes(ReadOnlySpan<long> shape, int elementSize, string what = "tensor shape")
    {
        if (elementSize < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(elementSize), elementSize, "element size must be at least 1 byte");
        }

        long elements = Elements(shape, what);
        if (elements > long.MaxValue / elementSize)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{what} {Format(shape)} needs more than {long.MaxValue} bytes at {elementSize} bytes per element"));
        }

        return elements * elementSize;
    }

    /// <summary>The element count of <paramref name="shape"/> when one managed array can hold it.</summary>
    /// <exception cref="ArgumentException">The count exceeds <see cref="Array.MaxLength"/> (or overflows).</exception>
    public static int ArrayLength(ReadOnlySpan<long> shape, string what = "tensor shape")
    {
        long elements = Elements(shape, what);
        if (elements > Array.MaxLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{what} {Format(shape)} has {elements} elements, more than one array holds ({Array.MaxLength})"));
        }

        return (int)elements;
    }

    /// <summary>A byte count for people: "512 B", "3.0 KiB", "1.5 GiB".</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        double value = bytes;
        int unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    /// <summary>"[3, 224, 224]".</summary>
    public static string Format(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
