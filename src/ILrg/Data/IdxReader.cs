using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace ILrg.Data;

/// <summary>Reads IDX files (the MNIST / Fashion-MNIST format), raw or gzip-compressed, unsigned-byte data only.</summary>
/// <remarks>
/// Header: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions (1 to 4), then each dimension
/// as a big-endian int32; exactly the declared data follows. The reader is strict: a wrong magic or type, a truncated
/// header or data, bytes after the declared data (also after or between gzip members, checked against the gzip
/// trailer's size field) and declared sizes above <see cref="MaxDataBytes"/> are rejected with an
/// <see cref="InvalidDataException"/> naming the file. Memory bound: a raw file is allocated only after its length
/// matches the header; a gzip file grows its buffer by doubling as data actually arrives, so it never allocates more
/// than twice the bytes the file really decompresses to plus 1 MiB, nor more than <see cref="MaxDataBytes"/>.
/// </remarks>
public static class IdxReader
{
    /// <summary>The largest data block accepted: 1 GiB (MNIST's training images are 47 MB).</summary>
    public const long MaxDataBytes = 1L << 30;

    private const int FirstChunk = 1 << 20;

    private const string TrailingOrDamaged = "bytes after the gzip data, or a damaged file";

    /// <summary>The dimensions and bytes of one IDX file.</summary>
    public sealed record IdxArray(int[] Dimensions, byte[] Data);

    /// <summary>Reads a file; files that start with the gzip magic are decompressed.</summary>
    /// <exception cref="InvalidDataException">Malformed, truncated or oversized file, or trailing bytes (the message
    /// names the file).</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static IdxArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        try
        {
            Span<byte> head = stackalloc byte[2];
            int n = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            file.Position = 0;
            if (n == 2 && head[0] == 0x1f && head[1] == 0x8b)
            {
                return ReadGzip(file);
            }

            return Read(file, file.Length);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads from a stream (already decompressed) up to its end.</summary>
    /// <exception cref="InvalidDataException">Malformed, truncated or oversized data, or bytes after the
    /// data.</exception>
    public static IdxArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(stream, null);
    }

    /// <summary>Reads only the header of a file (raw or gzip): its dimensions, so that callers can refuse a shape
    /// before
    /// the data is read.</summary>
    /// <exception cref="InvalidDataException">Malformed or truncated header, or a declared size above the limit (the
    /// message names the file).</exception>
    public static int[] ReadDimensions(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        try
        {
            Span<byte> head = stackalloc byte[2];
            int n = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            file.Position = 0;
            if (n == 2 && head[0] == 0x1f && head[1] == 0x8b)
            {
                using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                return Decompressing(() => ReadHeader(gzip).Dimensions);
            }

            return ReadHeader(file).Dimensions;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static IdxArray ReadGzip(FileStream file)
    {
        if (file.Length < 18)
        {
            throw new InvalidDataException("truncated gzip file (shorter than a gzip header and trailer)");
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        uint declaredSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        file.Position = 0;
        IdxArray result;
        using (var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true))
        {
            result = Decompressing(() => Read(gzip, null));
        }

        long total = 4 + 4L * result.Dimensions.Length + result.Data.LongLength;
        if ((uint)total != declaredSize)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the gzip trailer declares {declaredSize} bytes (mod 2^32) but the IDX content is {total} bytes: ") +
                TrailingOrDamaged);
        }

        return result;
    }

    private static T Decompressing<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"damaged gzip data ({e.Message})", e);
        }
        catch (InvalidDataException e) when (e.Source == typeof(GZipStream).Assembly.GetName().Name)
        {
            throw new InvalidDataException($"damaged gzip data ({e.Message})", e);
        }
    }

    private static IdxArray Read(Stream stream, long? length)
    {
        (int[] dims, long total) = ReadHeader(stream);
        long header = 4 + 4L * dims.Length;
        if (length is { } known && known != header + total)
        {
            throw new InvalidDataException(known < header + total
                ? string.Create(CultureInfo.InvariantCulture,
                    $"truncated IDX file: {known} bytes, but the header declares {header} + {total} bytes")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{known - header - total} trailing bytes after the {total} data bytes the header declares"));
        }

        byte[] data = length is null ? ReadGrowing(stream, (int)total) : new byte[total];
        if (length is not null)
        {
            ReadExactly(stream, data,
                string.Create(CultureInfo.InvariantCulture, $"the data ({total} bytes declared)"));
        }

        if (stream.ReadByte() >= 0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"trailing bytes after the {total} data bytes the header declares"));
        }

        return new IdxArray(dims, data);
    }

    /// <summary>Reads and checks the header: magic, type, rank and dimensions (data size within the limit).</summary>
    private static (int[] Dimensions, long DataBytes) ReadHeader(Stream stream)
    {
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

            total *= dims[i]; // at most MaxDataBytes · 2^31 < 2^62: the check below keeps it from overflowing
            if (total > MaxDataBytes)
            {
                string declared = string.Join("x", dims[..(i + 1)]);
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"IDX dimensions {declared} declare more than {MaxDataBytes} bytes (the limit)"));
            }
        }

        return (dims, total);
    }

    /// <summary>Reads exactly <paramref name="total"/> bytes, growing the buffer only as data arrives.</summary>
    private static byte[] ReadGrowing(Stream stream, int total)
    {
        var buffer = new byte[Math.Min(total, FirstChunk)];
        int read = 0;
        while (read < total)
        {
            if (read == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(total, 2L * buffer.Length));
            }

            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"truncated IDX file: the data ({total} bytes declared) ended after {read} bytes"));
            }

            read += n;
        }

        return buffer;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"truncated IDX file: {what} ended after {read} of {buffer.Length} bytes"));
        }
    }
}
