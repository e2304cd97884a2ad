using System.Buffers.Binary;
using System.Text;

namespace ILrg.Interop;

/// <summary>
/// A strict reader of NumPy's <c>.npy</c> format (versions 1.0, 2.0 and 3.0): the magic, the version, the header
/// length, a header that is exactly a Python dict literal with <c>descr</c>, <c>fortran_order</c> and <c>shape</c>,
/// then exactly the bytes the shape needs. Fortran-ordered arrays are transposed into row-major order.
/// </summary>
/// <remarks>
/// Element types: little-endian <c>f2 f4 f8 i1 u1 i2 i4 i8 b1</c>. Big-endian, object (pickled), structured and other
/// types are refused with a message saying so; nothing is ever unpickled.
/// </remarks>
public static class NpyReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the <c>.npy</c> file at <paramref name="path"/>; the tensor is named after the file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid <c>.npy</c> array of an accepted type, or is
    /// over <see cref="InteropLimits.MaxFileBytes"/>; the message names the file.</exception>
    public static StateTensor Read(string path)
    {
        byte[] bytes = StateDictReader.ReadCapped(path);
        return Parse(bytes, path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses one <c>.npy</c> array held in <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="source">The file (or archive entry) named in error messages.</param>
    /// <param name="name">The name the tensor gets.</param>
    /// <exception cref="InvalidDataException">Anything wrong; the message names <paramref name="source"/>.</exception>
    public static StateTensor Parse(ReadOnlySpan<byte> bytes, string source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
        {
            throw InteropErrors.Bad(source, $"array '{name}' does not start with the .npy magic \\x93NUMPY");
        }

        byte major = bytes[6];
        byte minor = bytes[7];
        if (major is < 1 or > 3 || minor != 0)
        {
            throw InteropErrors.Bad(source,
                $"array '{name}' has .npy version {major}.{minor}; accepted are 1.0, 2.0 and 3.0");
        }

        int prefix = major == 1 ? 10 : 12;
        if (bytes.Length < prefix)
        {
            throw InteropErrors.Bad(source, $"array '{name}' is truncated inside its .npy preamble");
        }

        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (headerLength > InteropLimits.MaxNpyHeaderBytes)
        {
            throw InteropErrors.Bad(source,
                $"array '{name}' declares a {headerLength}-byte header; at most {InteropLimits.MaxNpyHeaderBytes} " +
                "are accepted");
        }

        if (prefix + headerLength > bytes.Length)
        {
            throw InteropErrors.Bad(source,
                $"array '{name}' is truncated: its header needs {prefix + headerLength} bytes, the file has " +
                $"{bytes.Length}");
        }

        string header = DecodeHeader(bytes.Slice(prefix, (int)headerLength), major, source, name);
        NpyHeader parsed = NpyHeader.Parse(header, source, name);
        TensorDType dtype = parsed.DType;
        int size = dtype.ElementSize();
        long count = TensorLayout.ElementCount(parsed.Shape, size, source, name);
        ReadOnlySpan<byte> data = bytes[(prefix + (int)headerLength)..];
        long needed = count * size;
        if (data.Length != needed)
        {
            string what = data.Length < needed ? "is truncated" : "has trailing bytes";
            throw InteropErrors.Bad(source,
                $"array '{name}' {what}: shape [{string.Join(", ", parsed.Shape)}] of {dtype.DisplayName()} needs " +
                $"{needed} data bytes, the file has {data.Length}");
        }

        byte[] values = parsed.FortranOrder && parsed.Shape.Length > 1
            ? TensorLayout.Gather(data, size, parsed.Shape, TensorLayout.ColumnMajorStrides(parsed.Shape), 0, count)
            : data.ToArray();
        return StateTensor.FromLittleEndian(name, dtype, parsed.Shape, count, count, values);
    }

    private static string DecodeHeader(ReadOnlySpan<byte> header, byte major, string source, string name)
    {
        try
        {
            Encoding encoding = major == 3
                ? new UTF8Encoding(false, throwOnInvalidBytes: true)
                : Encoding.GetEncoding(
                    "us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return encoding.GetString(header);
        }
        catch (DecoderFallbackException e)
        {
            throw InteropErrors.Bad(source, $"array '{name}' has a header that is not valid text: {e.Message}", e);
        }
    }
}
