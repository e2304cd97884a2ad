using FsCheck;
using FsCheck.Fluent;
using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Property;

/// <summary>Fuzzing the CIFAR-100 binary reader (issue 9): valid data or <see cref="InvalidDataException"/>; memory
/// bound: the records' pixels (3072 bytes each) plus one 3074-byte record buffer and the file stream's
/// buffer.</summary>
[TestFixture]
public sealed class Cifar100FuzzProperties
{
    private static readonly byte[] Valid = Records((19, 99));
    private string _dir = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-fuzz-cifar-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static byte[] Records(params (byte Coarse, byte Fine)[] labels) =>
        labels.SelectMany((l, i) =>
                new[] { l.Coarse, l.Fine }.Concat(Enumerable.Range(0, 3072).Select(p => (byte)(p * 31 + i))))
            .ToArray();

    private static string? Invalid(Cifar100Binary data)
    {
        if (data.Count < 1 || data.Count > Cifar100Binary.MaxRecords)
        {
            return $"{data.Count} records";
        }

        int bad = Enumerable.Range(0, data.Count).FirstOrDefault(i => data.LabelOf(i) is < 0 or >= 100, -1);
        return bad < 0 ? null : $"label {data.LabelOf(bad)} at {bad}";
    }

    private string? Read(string what, byte[] bytes, Func<Cifar100Binary, string?>? invalid = null)
    {
        string path = Path.Combine(_dir, "test.bin");
        File.WriteAllBytes(path, bytes);
        long bound = bytes.Length + (1 << 16);
        return ReaderFuzz.Check(what, () => Cifar100Binary.Load(path), invalid ?? Invalid, bound);
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Load_ArbitraryBytes_ValidOrInvalidData() =>
        Prop.ForAll(ReaderFuzz.Bytes().ToArbitrary(), b => ReaderFuzz.Holds(Read("arbitrary", b)));

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public FsCheck.Property Load_WholeRecordsOfArbitraryBytes_ValidOrInvalidData() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 3)
             from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(v => (byte)v), n * Cifar100Binary.RecordSize)
             select bytes).ToArbitrary(),
            b => ReaderFuzz.Holds(Read("records", b)));

    [Test]
    public void Load_TruncatedAtEveryOffset_AlwaysInvalidData()
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Truncations(Valid)
            .Select(t => Read(t.What, t.Bytes, _ => "accepted a truncated file")));

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Load_ByteFlippedAtEveryOffset_ValidOrInvalidData()
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Flips(Valid, 0xFF).Select(t => Read(t.What, t.Bytes)));

        Assert.That(failures, Is.Empty);
    }
}
