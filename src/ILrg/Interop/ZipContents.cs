using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace ILrg.Interop;

/// <summary>
/// The entries of a zip archive (a <c>torch.save</c> file or an <c>.npz</c>), read strictly: the end record must end
/// the file (no trailing bytes), names must be unique, sizes must stay under the cap, and every entry's CRC-32 must
/// match, so a flipped or missing byte anywhere in the data is an error rather than a silently different number.
/// </summary>
internal sealed class ZipContents
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const int EndRecordSize = 22;
    private const long MaxDeflateRatio = 1032;

    private ZipContents(IReadOnlyList<KeyValuePair<string, byte[]>> entries) => Entries = entries;

    /// <summary>Entry names and contents, in archive order.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }

    /// <summary>Reads every entry of the zip archive in <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">Anything wrong with the archive; the message names
    /// <paramref name="source"/>.</exception>
    public static ZipContents Read(byte[] bytes, string source, string what)
    {
        RequireEndRecordAtEnd(bytes, source, what);
        var entries = new List<KeyValuePair<string, byte[]>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string> localNames = LocalHeaderNames(bytes);
        long total = 0;
        using ZipArchive archive = Open(bytes, source, what);
        if (archive.Entries.Count > InteropLimits.MaxTensors + 64)
        {
            throw InteropErrors.Bad(source,
                $"the {what} holds {archive.Entries.Count} entries; at most {InteropLimits.MaxTensors} are accepted");
        }

        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            if (!names.Add(entry.FullName))
            {
                throw InteropErrors.Bad(source, $"the {what} holds the entry '{entry.FullName}' twice");
            }

            // The CRC does not cover names: a name in the central directory must also head a local entry.
            if (!localNames.Contains(entry.FullName))
            {
                throw InteropErrors.Bad(source,
                    $"the {what}'s directory names an entry '{entry.FullName}' that no local header carries: the " +
                    "file is damaged");
            }

            // Deflate expands at most 1032-fold, so a larger declared size is damage, refused before allocating it.
            if (entry.CompressedLength < 0 || entry.CompressedLength > bytes.Length || entry.Length < 0
                || entry.Length > (entry.CompressedLength * MaxDeflateRatio) + 1024)
            {
                throw InteropErrors.Bad(source,
                    $"the {what}'s entry '{entry.FullName}' declares {entry.Length} bytes from " +
                    $"{entry.CompressedLength} stored bytes, which cannot be: the file is damaged");
            }

            total += entry.Length;
            if (total > InteropLimits.MaxFileBytes)
            {
                throw InteropErrors.Bad(source,
                    $"the {what}'s entries declare more than {InteropLimits.MaxFileBytes} bytes, the size cap");
            }

            entries.Add(new(entry.FullName, ReadEntry(entry, source, what)));
        }

        return new ZipContents(entries);
    }

    private static ZipArchive Open(byte[] bytes, string source, string what)
    {
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            _ = archive.Entries.Count; // reads the central directory, which may be damaged
            return archive;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            archive?.Dispose();
            throw InteropErrors.Bad(source, $"the {what} is damaged or truncated ({e.GetType().Name}: {e.Message})", e);
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, string source, string what)
    {
        var data = new byte[entry.Length];
        bool longer;
        try
        {
            using Stream stream = entry.Open();
            stream.ReadExactly(data);
            longer = stream.ReadByte() >= 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw InteropErrors.Bad(source,
                $"the {what}'s entry '{entry.FullName}' is damaged or truncated ({e.GetType().Name}: {e.Message})", e);
        }

        if (longer)
        {
            throw InteropErrors.Bad(source, $"the {what}'s entry '{entry.FullName}' is longer than its header says");
        }

        uint crc = Crc32.HashToUInt32(data);
        if (crc != entry.Crc32)
        {
            throw InteropErrors.Bad(source,
                $"the {what}'s entry '{entry.FullName}' fails its CRC-32 check (stored {entry.Crc32:x8}, computed " +
                $"{crc:x8}): the file is damaged");
        }

        return data;
    }

    /// <summary>The names after every local-header signature in the file (a signature inside data only adds a
    /// name).</summary>
    internal static HashSet<string> LocalHeaderNames(ReadOnlySpan<byte> all)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        ReadOnlySpan<byte> signature = [0x50, 0x4b, 0x03, 0x04];
        for (int at = all.IndexOf(signature); at >= 0 && at + 30 <= all.Length;)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(all[(at + 26)..]);
            if (at + 30 + length <= all.Length)
            {
                names.Add(System.Text.Encoding.UTF8.GetString(all.Slice(at + 30, length)));
            }

            int next = all[(at + 4)..].IndexOf(signature);
            at = next < 0 ? -1 : at + 4 + next;
        }

        return names;
    }

    /// <summary>The end-of-central-directory record must be the last bytes of the file (its comment
    /// included).</summary>
    private static void RequireEndRecordAtEnd(byte[] bytes, string source, string what)
    {
        int lowest = Math.Max(0, bytes.Length - EndRecordSize - ushort.MaxValue);
        for (int at = bytes.Length - EndRecordSize; at >= lowest; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) == EndOfCentralDirectory
                && at + EndRecordSize + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 20)) == bytes.Length)
            {
                return;
            }
        }

        throw InteropErrors.Bad(source,
            $"the {what} does not end with a zip end-of-central-directory record: the file is truncated or has " +
            "trailing bytes");
    }
}
