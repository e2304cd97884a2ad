using System.Buffers.Binary;
using System.Text;

namespace ILrg.Interop;

/// <summary>Recognises a state-dict file from its bytes (never from its extension).</summary>
public static class StateDictFormats
{
    private static readonly byte[] ZipLocalHeader = [0x50, 0x4b, 0x03, 0x04];
    private static readonly byte[] ZipEmpty = [0x50, 0x4b, 0x05, 0x06];
    private static readonly byte[] NpyMagic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // pickle protocol 2, LONG1 of 10 bytes: torch's legacy magic number 0x1950a86a20f9469cfc6c.
    private static readonly byte[] LegacyTorchMagic =
        [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

    /// <summary>The format of the file held in <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The whole file (zip archives are told apart by their entry names).</param>
    /// <param name="source">The file, named in error messages.</param>
    /// <exception cref="InvalidDataException">Not one of the accepted formats (legacy PyTorch pickles, raw pickles,
    /// bare .npy arrays and unknown files each get a message saying what they are and what is accepted).</exception>
    public static StateDictFormat Detect(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (bytes.StartsWith(ZipLocalHeader))
        {
            return DetectZip(bytes, source);
        }

        if (bytes.StartsWith(ZipEmpty))
        {
            throw InteropErrors.Bad(source,
                $"an empty zip archive (no data.pkl, no .npy arrays); {InteropErrors.Accepted}");
        }

        if (bytes.StartsWith(LegacyTorchMagic))
        {
            throw InteropErrors.Bad(source,
                "a PyTorch file in the legacy (pre-1.6, non-zip) pickle format, which is not read: load it in " +
                "PyTorch and save it again with torch.save(state_dict, path), whose zip format is the default " +
                $"since PyTorch 1.6; {InteropErrors.Accepted}");
        }

        if (bytes.Length >= 2 && bytes[0] == 0x80 && bytes[1] is >= 2 and <= 5)
        {
            throw InteropErrors.Bad(source,
                "a raw Python pickle, not one of the state-dict formats; pickles are never executed; " +
                InteropErrors.Accepted);
        }

        if (bytes.StartsWith(NpyMagic))
        {
            throw InteropErrors.Bad(source,
                "a single NumPy .npy array, not a state dict: save the arrays with numpy.savez(path, **state_dict)");
        }

        if (LooksLikeSafetensors(bytes))
        {
            return StateDictFormat.Safetensors;
        }

        if (IlrgCheckpointProbe.Matches(bytes))
        {
            return StateDictFormat.IlrgCheckpoint;
        }

        string head = Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)]);
        throw InteropErrors.Bad(source,
            $"not a recognised state-dict file ({bytes.Length} bytes, starting 0x{head}); {InteropErrors.Accepted}");
    }

    private static StateDictFormat DetectZip(ReadOnlySpan<byte> bytes, string source)
    {
        // The first local header's name tells torch.save (".../data.pkl" comes first) from numpy.savez ("KEY.npy").
        if (bytes.Length < 30)
        {
            throw InteropErrors.Bad(source, "a zip archive truncated inside its first entry header");
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]);
        if (30 + nameLength > bytes.Length)
        {
            throw InteropErrors.Bad(source, "a zip archive truncated inside its first entry name");
        }

        string name = Encoding.UTF8.GetString(bytes.Slice(30, nameLength));
        if (IsDataPkl(name))
        {
            return StateDictFormat.PyTorchZip;
        }

        if (name.EndsWith(".npy", StringComparison.Ordinal))
        {
            return StateDictFormat.NumpyNpz;
        }

        // Another writer may put other entries first: a data.pkl anywhere still marks a torch.save file.
        if (ZipContents.LocalHeaderNames(bytes).Any(IsDataPkl))
        {
            return StateDictFormat.PyTorchZip;
        }

        throw InteropErrors.Bad(source,
            $"a zip archive whose first entry '{name}' is neither torch.save's data.pkl nor an .npy array; " +
            InteropErrors.Accepted);
    }

    private static bool IsDataPkl(string name) =>
        name == "data.pkl" || name.EndsWith("/data.pkl", StringComparison.Ordinal);

    private static bool LooksLikeSafetensors(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10)
        {
            return false;
        }

        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        return n >= 2 && n <= (ulong)(bytes.Length - 8) && bytes[8] == (byte)'{';
    }
}
