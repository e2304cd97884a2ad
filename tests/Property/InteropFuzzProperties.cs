using FsCheck;
using FsCheck.Fluent;
using ILrg.Interop;
using ILrg.Testing;

namespace ILrg.Tests.Property;

/// <summary>
/// Fuzzing of every reader of external bytes (DESIGN.md, Tests): for arbitrary bytes, and for random truncations and
/// byte flips of small valid files, a reader returns a well-formed result or throws InvalidDataException — never
/// another exception type, and never a hang (each call must finish within <see cref="InteropFuzz.Limit"/>).
/// </summary>
[NUnit.Framework.TestFixture]
public sealed class InteropFuzzProperties
{
    private static readonly byte[][] Prefixes =
    [
        [],
        [0x50, 0x4b, 0x03, 0x04],
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 0x01, 0x00],
        [0x20, 0, 0, 0, 0, 0, 0, 0, (byte)'{'],
        [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19],
        [0x02, 0x0b, (byte)'f', (byte)'c', (byte)'.', (byte)'w', (byte)'e', (byte)'i', (byte)'g', (byte)'h', (byte)'t'],
    ];

    /// <summary>Random bytes, often behind a format's magic so that the readers past the detector are
    /// reached.</summary>
    private static Gen<byte[]> ArbitraryBytes() =>
        from prefix in Gen.Elements(Prefixes)
        from length in Gen.Choose(0, 300)
        from body in Gen.ArrayOf(Gen.Choose(0, 255).Select(v => (byte)v), length)
        select (byte[])[.. prefix, .. body];

    /// <summary>A small valid file with up to four random byte changes and, half the time, a random
    /// truncation.</summary>
    private static Gen<(string Name, byte[] Bytes)> MutatedValidFiles() =>
        from file in Gen.Elements(InteropFuzz.SmallValidFiles())
        from count in Gen.Choose(1, 4)
        from flips in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, file.Bytes.Length - 1), Gen.Choose(1, 255)), count)
        from cut in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, file.Bytes.Length)))
        select (file.Name, Mutate(file.Bytes, flips, cut));

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public FsCheck.Property ReadAnyFormat_ArbitraryBytes_StateDictOrInvalidData() =>
        Prop.ForAll(ArbitraryBytes().ToArbitrary(), bytes =>
            InteropFuzz.Check(() => StateDictReader.Read(bytes, "fuzz")));

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public FsCheck.Property Detect_ArbitraryBytes_FormatOrInvalidData() =>
        Prop.ForAll(ArbitraryBytes().ToArbitrary(), bytes =>
            InteropFuzz.Check(() => StateDictFormats.Detect(bytes, "fuzz")));

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public FsCheck.Property FormatReaders_ArbitraryBytes_StateDictOrInvalidData() =>
        Prop.ForAll(ArbitraryBytes().ToArbitrary(), bytes =>
            InteropFuzz.Check(() => NpyReader.Parse(bytes, "fuzz.npy", "x"))
                .And(InteropFuzz.Check(() => NpzReader.Read(bytes, "fuzz.npz")))
                .And(InteropFuzz.Check(() => SafetensorsReader.Read(bytes, "fuzz.safetensors"))));

    [FsCheck.NUnit.Property(MaxTest = 400)]
    public FsCheck.Property Read_MutatedValidFile_StateDictOrInvalidData() =>
        Prop.ForAll(MutatedValidFiles().ToArbitrary(), f =>
            InteropFuzz.Check(() => InteropFuzz.ReadAs(f.Name, f.Bytes)).Label(f.Name));

    private static byte[] Mutate(byte[] valid, (int At, int Mask)[] flips, int cut)
    {
        byte[] bytes = [.. valid];
        foreach ((int at, int mask) in flips)
        {
            bytes[at] ^= (byte)mask;
        }

        return cut < 0 ? bytes : bytes[..cut];
    }
}
