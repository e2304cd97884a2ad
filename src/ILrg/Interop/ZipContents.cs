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

            total += entry.Length;
            if (entry.Length < 0 || total > InteropLimits.MaxFileBytes)
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

    /// <summary>The end-of-central-directory record must be the last bytes of the file (its comment included).</summary>
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
