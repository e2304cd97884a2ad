using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Property;

/// <summary>Fuzzing the IDX reader, raw and gzip (issue 9): valid data or <see cref="InvalidDataException"/>, never
/// another exception or a hang; memory bound: at most twice what the file decompresses to (deflate expands at most
/// 1032:1) plus 1 MiB for the first buffer and 256 KiB for streams.</summary>
[TestFixture]
public sealed class IdxReaderFuzzProperties
{
    private static readonly byte[] ValidRaw =
        Idx([3, 4, 5], Enumerable.Range(0, 60).Select(i => (byte)(i * 7)).ToArray());
    private static readonly byte[] ValidGz = Gzip(ValidRaw);
    private string _dir = null!;
    private int _files;

    [OneTimeSetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-fuzz-idx-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    internal static byte[] Idx(int[] dims, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, 0x08, (byte)dims.Length };
        foreach (int d in dims)
        {
            bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        }

        bytes.AddRange(data);
        return bytes.ToArray();
    }

    internal static byte[] Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return buffer.ToArray();
    }

    private static long Bound(byte[] file) => 2L * 1032 * file.Length + (1 << 20) + (1 << 18);

    private static string? Invalid(IdxReader.IdxArray idx) =>
        idx.Dimensions.Length is >= 1 and <= 4 && idx.Dimensions.Aggregate(1L, (a, d) => a * d) == idx.Data.LongLength
            ? null
            : $"dims {string.Join("x", idx.Dimensions)} with {idx.Data.Length} bytes";

    private string? Read(string what, byte[] bytes, Func<IdxReader.IdxArray, string?>? invalid = null)
    {
        string path = Path.Combine(_dir, $"f{Interlocked.Increment(ref _files)}");
        File.WriteAllBytes(path, bytes);
        string? outcome = ReaderFuzz.Check(what, () => IdxReader.Read(path), invalid ?? Invalid, Bound(bytes));
        File.Delete(path);
        return outcome;
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Read_ArbitraryBytes_ValidOrInvalidData() =>
        Prop.ForAll(ReaderFuzz.Bytes().ToArbitrary(), b => ReaderFuzz.Holds(Read("arbitrary", b)));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Read_IdxMagicThenArbitraryBytes_ValidOrInvalidData() =>
        Prop.ForAll(
            (from rank in Gen.Choose(0, 6)
             from tail in ReaderFuzz.Bytes()
             select new byte[] { 0, 0, 0x08, (byte)rank }.Concat(tail).ToArray()).ToArbitrary(),
            b => ReaderFuzz.Holds(Read("magic + arbitrary", b)));

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public FsCheck.Property Read_ArbitraryDimensionsFewBytes_RefusedWithinTheMemoryBound() =>
        Prop.ForAll(
            (from rank in Gen.Choose(1, 4)
             from dims in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), rank)
             from zip in Gen.Elements(false, true)
             select zip ? Gzip(Idx(dims, [1, 2, 3])) : Idx(dims, [1, 2, 3])).ToArbitrary(),
            b => ReaderFuzz.Holds(Read("declared dims", b)));

    [Test]
    public void Read_RawTruncatedAtEveryOffset_AlwaysInvalidData()
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Truncations(ValidRaw)
            .Select(t => Read(t.What, t.Bytes, idx => "accepted a truncated file")));

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Read_GzipTruncatedAtEveryOffset_AlwaysInvalidData()
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Truncations(ValidGz)
            .Select(t => Read(t.What, t.Bytes, idx => "accepted a truncated file")));

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Read_RawByteFlippedAtEveryOffset_ValidOrInvalidData()
    {
        var failures = ReaderFuzz.Failures(
            ReaderFuzz.Flips(ValidRaw, 0x01, 0x80, 0xFF).Select(t => Read(t.What, t.Bytes)));

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Read_GzipByteFlippedAtEveryOffset_ValidOrInvalidData()
    {
        var failures = ReaderFuzz.Failures(
            ReaderFuzz.Flips(ValidGz, 0x01, 0x80, 0xFF).Select(t => Read(t.What, t.Bytes)));

        Assert.That(failures, Is.Empty);
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Read_GzipWithRandomBytesReplaced_ValidOrInvalidData() =>
        Prop.ForAll(ReaderFuzz.Corrupted(ValidGz).ToArbitrary(), b => ReaderFuzz.Holds(Read("corrupted gzip", b)));

    [Test]
    public void Load_ImageOrLabelByteFlippedAtEveryOffset_DatasetOrInvalidData()
    {
        byte[] images = Idx([3, 2, 2], [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
        byte[] labels = Idx([3], [0, 1, 2]);
        var shape = new ImageShape(1, 2, 2);
        string imagesPath = Path.Combine(_dir, "images"), labelsPath = Path.Combine(_dir, "labels");

        string? LoadPair(string what, byte[] i, byte[] l)
        {
            File.WriteAllBytes(imagesPath, i);
            File.WriteAllBytes(labelsPath, l);
            return ReaderFuzz.Check(what,
                () => IdxDataset.Load("t", imagesPath, labelsPath, 3, Normalisation.Mnist, shape),
                d => d.Count == 3 && Enumerable.Range(0, 3).All(k => d.LabelOf(k) is >= 0 and < 3)
                    ? null
                    : "bad dataset");
        }

        var failures = ReaderFuzz.Failures(
            ReaderFuzz.Flips(images, 0x01, 0xFF).Select(t => LoadPair("images " + t.What, t.Bytes, labels))
                .Concat(ReaderFuzz.Flips(labels, 0x01, 0xFF)
                    .Select(t => LoadPair("labels " + t.What, images, t.Bytes))));

        Assert.That(failures, Is.Empty);
    }
}
