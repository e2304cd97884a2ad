using System.Buffers.Binary;
using System.Text;

namespace ILrg.Tests.Unit.Build;

/// <summary>Builds a minimal ELF64 LE file with a .dynstr and a .gnu.version_r section, for the patcher's
/// tests.</summary>
internal static class SyntheticElf
{
    public static byte[] Build(params (string File, string[] Versions)[] needs)
    {
        // String table: "\0" then every name.
        var strtab = new List<byte> { 0 };
        int AddString(string s)
        {
            int offset = strtab.Count;
            strtab.AddRange(Encoding.ASCII.GetBytes(s));
            strtab.Add(0);
            return offset;
        }

        var verneed = new List<byte>();
        for (int i = 0; i < needs.Length; i++)
        {
            var (file, versions) = needs[i];
            byte[] entry = new byte[16];
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(0), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(2), (ushort)versions.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), (uint)AddString(file));
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), 16);
            uint next = i == needs.Length - 1 ? 0u : (uint)(16 + 16 * versions.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(12), next);
            verneed.AddRange(entry);
            for (int j = 0; j < versions.Length; j++)
            {
                byte[] aux = new byte[16];
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(0),
                    (uint)versions[j].GetHashCode(StringComparison.Ordinal));
                BinaryPrimitives.WriteUInt16LittleEndian(aux.AsSpan(4), 0);
                BinaryPrimitives.WriteUInt16LittleEndian(aux.AsSpan(6), (ushort)(2 + j));
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(8), (uint)AddString(versions[j]));
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(12), j == versions.Length - 1 ? 0u : 16u);
                verneed.AddRange(aux);
            }
        }

        const int headerSize = 64;
        int strOffset = headerSize;
        int verOffset = strOffset + strtab.Count;
        int shOffset = verOffset + verneed.Count;
        var image = new byte[shOffset + 3 * 64];
        image[0] = 0x7f;
        image[1] = (byte)'E';
        image[2] = (byte)'L';
        image[3] = (byte)'F';
        image[4] = 2; // 64-bit
        image[5] = 1; // little-endian
        image[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x10), 3); // ET_DYN
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x28), (ulong)shOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3C), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3E), 0);
        strtab.CopyTo(image, strOffset);
        verneed.CopyTo(image, verOffset);
        Section(image, shOffset + 64, type: 3, offset: strOffset, size: strtab.Count, link: 0, info: 0);
        Section(image, shOffset + 128, type: 0x6ffffffe, offset: verOffset, size: verneed.Count, link: 1,
            info: needs.Length);
        return image;
    }

    private static void Section(byte[] image, int at, uint type, int offset, int size, int link, int info)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 4), type);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(at + 24), (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(at + 32), (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 40), (uint)link);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 44), (uint)info);
    }
}
