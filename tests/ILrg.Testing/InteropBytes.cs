using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ILrg.Testing;

/// <summary>Small files in the interop formats, built byte by byte for the reader tests and the fuzz
/// properties.</summary>
public static class InteropBytes
{
    /// <summary>An .npy file: magic, version, header length, the header text (padded with spaces to a multiple of 64
    /// bytes and ended by a newline, as NumPy writes it), then <paramref name="data"/>.</summary>
    public static byte[] Npy(string header, byte[] data, int major = 1)
    {
        int prefix = major == 1 ? 10 : 12;
        string text = header;
        int total = prefix + text.Length + 1;
        text += new string(' ', (64 - (total % 64)) % 64) + "\n";
        byte[] headerBytes = Encoding.ASCII.GetBytes(text);
        var bytes = new byte[prefix + headerBytes.Length + data.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY").CopyTo(bytes, 1);
        bytes[6] = (byte)major;
        bytes[7] = 0;
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerBytes.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerBytes.Length);
        }

        headerBytes.CopyTo(bytes, prefix);
        data.CopyTo(bytes, prefix + headerBytes.Length);
        return bytes;
    }

    /// <summary>An .npy file of float32 values in C order.</summary>
    public static byte[] NpyFloat32(long[] shape, params float[] values) =>
        Npy($"{{'descr': '<f4', 'fortran_order': False, 'shape': {Tuple(shape)}, }}", Floats(values));

    /// <summary>A zip archive of the given entries (stored, no compression, in order).</summary>
    public static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] data) in entries)
            {
                ZipArchiveEntry entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using Stream s = entry.Open();
                s.Write(data);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A small valid .npz with a 2×3 weight and a length-2 bias.</summary>
    public static byte[] SmallNpz() => Zip(
        ("layer.weight.npy", NpyFloat32([2, 3], 1, -2, 3, -4, 5, -6)),
        ("layer.bias.npy", NpyFloat32([2], 0.5f, -0.25f)));

    /// <summary>A safetensors file: the 8-byte length of <paramref name="header"/>, the header, then the
    /// data.</summary>
    public static byte[] Safetensors(string header, byte[] data)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        return bytes;
    }

    /// <summary>A small valid safetensors file with a 2×3 weight and a length-2 bias (F32).</summary>
    public static byte[] SmallSafetensors() => Safetensors(
        "{\"__metadata__\":{\"format\":\"pt\"}," +
        "\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}," +
        "\"layer.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[8,32]}}",
        Floats(0.5f, -0.25f, 1, -2, 3, -4, 5, -6));

    /// <summary>Little-endian float32 bytes.</summary>
    public static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    /// <summary>A Python tuple literal: <c>()</c>, <c>(5,)</c>, <c>(2, 3)</c>.</summary>
    public static string Tuple(long[] shape) => shape.Length switch
    {
        0 => "()",
        1 => $"({shape[0]},)",
        _ => "(" + string.Join(", ", shape) + ")",
    };
}
