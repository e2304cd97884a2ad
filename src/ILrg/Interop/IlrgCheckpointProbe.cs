using System.Text;

namespace ILrg.Interop;

/// <summary>
/// Recognises an ILrg checkpoint (<see cref="ILrg.Models.Checkpoints"/>: TorchSharp's module <c>save</c> format) by the
/// structure of its first entry: an LEB128 tensor count, a length-prefixed UTF-8 name, an LEB128 element-type code, an
/// LEB128 rank and that many LEB128 dimensions. Reading is left to <see cref="ILrg.Models.Checkpoints"/>.
/// </summary>
internal static class IlrgCheckpointProbe
{
    // TorchSharp's ScalarType codes: Byte, Int8, Int16, Int32, Int64, Float16, Float32, Float64, Bool, BFloat16.
    private static readonly HashSet<long> KnownTypes = [0, 1, 2, 3, 4, 5, 6, 7, 11, 15];
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>True when <paramref name="bytes"/> start with the ILRGCKPT header, or like a headerless TorchSharp module
    /// file (an older ILrg checkpoint, which <see cref="ILrg.Models.Checkpoints"/> refuses with a clear message).</summary>
    public static bool Matches(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(ILrg.Models.Checkpoints.MagicBytes))
        {
            return true;
        }

        int at = 0;
        if (!TryLeb128(bytes, ref at, out long count) || count < 1 || count > InteropLimits.MaxTensors)
        {
            return false;
        }

        if (!TryLeb128(bytes, ref at, out long nameLength) || nameLength < 1 || nameLength > InteropLimits.MaxNameBytes
            || at + nameLength > bytes.Length)
        {
            return false;
        }

        string name;
        try
        {
            name = StrictUtf8.GetString(bytes.Slice(at, (int)nameLength));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (name.Any(char.IsControl))
        {
            return false;
        }

        at += (int)nameLength;
        if (!TryLeb128(bytes, ref at, out long type) || !KnownTypes.Contains(type)
            || !TryLeb128(bytes, ref at, out long rank) || rank > InteropLimits.MaxRank)
        {
            return false;
        }

        for (long k = 0; k < rank; k++)
        {
            if (!TryLeb128(bytes, ref at, out long dim) || dim > InteropLimits.MaxElements)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryLeb128(ReadOnlySpan<byte> bytes, ref int at, out long value)
    {
        value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            if (at >= bytes.Length)
            {
                return false;
            }

            byte b = bytes[at++];
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
