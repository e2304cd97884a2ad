using System.Buffers.Binary;
using System.IO.Compression;

namespace ILrg.Data;

/// <summary>Reads IDX files (the MNIST / Fashion-MNIST format), raw or gzip-compressed, unsigned-byte data only.</summary>
/// <remarks>Header: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, then each dimension as
/// a big-endian int32; the data follows.</remarks>
public static class IdxReader
{
    /// <summary>The dimensions and bytes of one IDX file.</summary>
    public sealed record IdxArray(int[] Dimensions, byte[] Data);

    /// <summary>Reads a file; ".gz" files (or gzip magic) are decompressed.</summary>
    /// <exception cref="InvalidDataException">Malformed or truncated file (the message names the file).</exception>
    public static IdxArray Read(string path)
    {
        using FileStream file = File.OpenRead(path);
        try
        {
            return Read(OpenMaybeGzip(file));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads from a stream (already decompressed).</summary>
    public static IdxArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> magic = stackalloc byte[4];
        ReadExactly(stream, magic, "the header");
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new InvalidDataException("not an IDX file (the first two bytes must be zero)");
        }

        if (magic[2] != 0x08)
        {
            throw new InvalidDataException($"IDX data type 0x{magic[2]:x2} is not supported (only unsigned byte, 0x08)");
        }

        int rank = magic[3];
        if (rank is < 1 or > 4)
        {
            throw new InvalidDataException($"IDX rank {rank} is not supported (1 to 4)");
        }

        var dims = new int[rank];
        Span<byte> four = stackalloc byte[4];
        long total = 1;
        for (int i = 0; i < rank; i++)
        {
            ReadExactly(stream, four, "the dimensions");
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(four);
            if (dims[i] < 0)
            {
                throw new InvalidDataException($"IDX dimension {i} is negative ({dims[i]})");
            }

            total *= dims[i];
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidDataException($"IDX data of {total} bytes is too large");
        }

        var data = new byte[total];
        ReadExactly(stream, data, $"the data ({total} bytes declared)");
        return new IdxArray(dims, data);
    }

    private static Stream OpenMaybeGzip(FileStream file)
    {
        Span<byte> head = stackalloc byte[2];
        int n = file.Read(head);
        file.Position = 0;
        return n == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer[read..]);
            if (n == 0)
            {
                throw new InvalidDataException($"truncated IDX file: {what} ended after {read} of {buffer.Length} bytes");
            }

            read += n;
        }
    }
}
