using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ILrg.Interop;

/// <summary>
/// One named tensor of a state dict as managed, immutable data: its shape, its element type as stored in the file, and
/// its values in row-major (C) order, converted to float64 or float32 on demand.
/// </summary>
public sealed class StateTensor
{
    private readonly byte[] _data; // little-endian, row-major, exactly ElementCount · ElementSize bytes

    private StateTensor(string name, TensorDType dtype, ImmutableArray<long> shape, long elementCount, byte[] data)
    {
        Name = name;
        DType = dtype;
        Shape = shape;
        ElementCount = elementCount;
        _data = data;
    }

    /// <summary>The key in the state dict, e.g. <c>head.4.weight</c>.</summary>
    public string Name { get; }

    /// <summary>The element type stored in the file.</summary>
    public TensorDType DType { get; }

    /// <summary>The dimensions (empty for a scalar).</summary>
    public ImmutableArray<long> Shape { get; }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Length;

    /// <summary>Number of elements (1 for a scalar).</summary>
    public long ElementCount { get; }

    /// <summary>The shape as text, e.g. <c>10×64</c>, or <c>scalar</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Creates a float64 tensor from values in row-major order (for tensors built in memory).</summary>
    /// <exception cref="ArgumentException">The name is empty, a dimension is negative, or the value count does not fit
    /// the shape.</exception>
    public static StateTensor FromDoubles(string name, ReadOnlySpan<long> shape, ReadOnlySpan<double> values)
    {
        long count = CheckedCount(name, shape);
        var data = new byte[values.Length * sizeof(double)];
        MemoryMarshal.AsBytes(values).CopyTo(data);
        return FromLittleEndian(name, TensorDType.Float64, shape, count, values.Length, data);
    }

    /// <summary>Creates a float32 tensor from values in row-major order (for tensors built in memory).</summary>
    /// <exception cref="ArgumentException">The name is empty, a dimension is negative, or the value count does not fit
    /// the shape.</exception>
    public static StateTensor FromSingles(string name, ReadOnlySpan<long> shape, ReadOnlySpan<float> values)
    {
        long count = CheckedCount(name, shape);
        var data = new byte[values.Length * sizeof(float)];
        MemoryMarshal.AsBytes(values).CopyTo(data);
        return FromLittleEndian(name, TensorDType.Float32, shape, count, values.Length, data);
    }

    /// <summary>The values widened (or, for int64, rounded) to float64, row-major.</summary>
    public double[] ToDoubles()
    {
        var values = new double[ElementCount];
        ReadOnlySpan<byte> d = _data;
        switch (DType)
        {
            case TensorDType.Float64:
                MemoryMarshal.Cast<byte, double>(d).CopyTo(values);
                break;
            case TensorDType.Float32:
                ReadOnlySpan<float> f = MemoryMarshal.Cast<byte, float>(d);
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = f[i];
                }

                break;
            default:
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Element(d, i);
                }

                break;
        }

        return values;
    }

    /// <summary>The values as float32, row-major (float64 values are rounded to the nearest float32).</summary>
    public float[] ToSingles()
    {
        var values = new float[ElementCount];
        ReadOnlySpan<byte> d = _data;
        if (DType == TensorDType.Float32)
        {
            MemoryMarshal.Cast<byte, float>(d).CopyTo(values);
            return values;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)Element(d, i);
        }

        return values;
    }

    /// <summary>The flat index of the first NaN or infinite value, or −1 when every value is finite.</summary>
    public long IndexOfNonFinite()
    {
        if (!DType.IsFloatingPoint())
        {
            return -1;
        }

        ReadOnlySpan<byte> d = _data;
        for (int i = 0; i < ElementCount; i++)
        {
            if (!double.IsFinite(Element(d, i)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when every value is exactly zero.</summary>
    public bool IsAllZero()
    {
        ReadOnlySpan<byte> d = _data;
        for (int i = 0; i < ElementCount; i++)
        {
            if (Element(d, i) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({DType.DisplayName()}, {ShapeText})";

    /// <summary>Formats a shape as <c>10×64</c>, or <c>scalar</c> for rank 0.</summary>
    internal static string FormatShape(IReadOnlyList<long> shape) =>
        shape.Count == 0 ? "scalar" : string.Join("×", shape.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Wraps little-endian row-major bytes that a reader has already checked against the shape.</summary>
    internal static StateTensor FromLittleEndian(
        string name, TensorDType dtype, ReadOnlySpan<long> shape, long elementCount, long valueCount, byte[] data)
    {
        if (valueCount != elementCount || data.LongLength != elementCount * dtype.ElementSize())
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"tensor '{name}' of shape {FormatShape(shape.ToArray())} needs {elementCount} values, " +
                $"got {valueCount}"),
                nameof(data));
        }

        return new StateTensor(name, dtype, [.. shape], elementCount, data);
    }

    private static long CheckedCount(string name, ReadOnlySpan<long> shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        long count = 1;
        foreach (long s in shape)
        {
            if (s < 0 || (s > 0 && count > InteropLimits.MaxElements / s))
            {
                throw new ArgumentException(
                    $"tensor '{name}' has an invalid shape {FormatShape(shape.ToArray())} (negative or over " +
                    $"{InteropLimits.MaxElements} elements)", nameof(shape));
            }

            count *= s;
        }

        return count;
    }

    private double Element(ReadOnlySpan<byte> d, int i) => DType switch
    {
        TensorDType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(d[(i * 8)..]),
        TensorDType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(d[(i * 4)..]),
        TensorDType.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(d[(i * 2)..]),
        TensorDType.BFloat16 =>
            BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(d[(i * 2)..]) << 16),
        TensorDType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(d[(i * 8)..]),
        TensorDType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(d[(i * 4)..]),
        TensorDType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(d[(i * 2)..]),
        TensorDType.Int8 => (sbyte)d[i],
        TensorDType.UInt8 => d[i],
        TensorDType.Bool => d[i] != 0 ? 1 : 0,
        _ => throw new InvalidOperationException($"unknown element type {DType}"),
    };
}
