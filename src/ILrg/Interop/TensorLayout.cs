namespace ILrg.Interop;

/// <summary>Shape checks and strided copies shared by the readers; every bound is checked before any
/// allocation.</summary>
internal static class TensorLayout
{
    /// <summary>The element count of <paramref name="shape"/>, or an error when a dimension is negative, the rank,
    /// the count or the decoded size exceeds <see cref="InteropLimits"/>, or the product overflows.</summary>
    public static long ElementCount(ReadOnlySpan<long> shape, int elementSize, string source, string name)
    {
        if (shape.Length > InteropLimits.MaxRank)
        {
            throw InteropErrors.Bad(source,
                $"tensor '{name}' has {shape.Length} dimensions; at most {InteropLimits.MaxRank} are accepted");
        }

        long count = 1;
        foreach (long s in shape)
        {
            if (s < 0)
            {
                throw InteropErrors.Bad(source,
                    $"tensor '{name}' has a negative dimension in shape [{string.Join(", ", shape.ToArray())}]");
            }

            if (s > 0 && count > InteropLimits.MaxElements / s)
            {
                throw InteropErrors.Bad(source,
                    $"tensor '{name}' of shape [{string.Join(", ", shape.ToArray())}] has more than " +
                    $"{InteropLimits.MaxElements} elements, the size cap of the readers");
            }

            count *= s;
        }

        if (count * elementSize > InteropLimits.MaxFileBytes)
        {
            throw InteropErrors.Bad(source,
                $"tensor '{name}' would decode to {count * elementSize} bytes, over the cap of " +
                $"{InteropLimits.MaxFileBytes} bytes");
        }

        return count;
    }

    /// <summary>Row-major (C-order) strides, in elements.</summary>
    public static long[] RowMajorStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long step = 1;
        for (int k = shape.Length - 1; k >= 0; k--)
        {
            strides[k] = step;
            step *= Math.Max(shape[k], 1);
        }

        return strides;
    }

    /// <summary>Column-major (Fortran-order) strides, in elements.</summary>
    public static long[] ColumnMajorStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long step = 1;
        for (int k = 0; k < shape.Length; k++)
        {
            strides[k] = step;
            step *= Math.Max(shape[k], 1);
        }

        return strides;
    }

    /// <summary>The largest storage index a strided view reaches (offset for an empty or scalar tensor), or −1 on
    /// overflow.</summary>
    public static long MaxIndex(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long offset)
    {
        long max = offset;
        for (int k = 0; k < shape.Length; k++)
        {
            if (shape[k] == 0)
            {
                return offset;
            }

            try
            {
                max = checked(max + ((shape[k] - 1) * strides[k]));
            }
            catch (OverflowException)
            {
                return -1;
            }
        }

        return max;
    }

    /// <summary>Copies a strided view out of <paramref name="storage"/> into row-major bytes. The caller has checked
    /// that every index it reaches lies inside the storage.</summary>
    public static byte[] Gather(
        ReadOnlySpan<byte> storage, int elementSize, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long offset,
        long count)
    {
        var result = new byte[count * elementSize];
        if (count == 0)
        {
            return result;
        }

        if (strides.SequenceEqual(RowMajorStrides(shape)))
        {
            storage.Slice(checked((int)(offset * elementSize)), result.Length).CopyTo(result);
            return result;
        }

        var index = new long[shape.Length];
        for (long i = 0; i < count; i++)
        {
            long at = offset;
            for (int k = 0; k < shape.Length; k++)
            {
                at += index[k] * strides[k];
            }

            storage.Slice(checked((int)(at * elementSize)), elementSize).CopyTo(result.AsSpan((int)(i * elementSize)));
            for (int k = shape.Length - 1; k >= 0; k--)
            {
                if (++index[k] < shape[k])
                {
                    break;
                }

                index[k] = 0;
            }
        }

        return result;
    }
}
