using System.IO.Compression;
using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Data;

public sealed class IdxReaderTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-idx-").FullName;

    [TearDown]
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

    private string Write(string name, byte[] bytes, bool gzip = false)
    {
        string path = Path.Combine(_dir, name);
        if (gzip)
        {
            using var file = File.Create(path);
            using var z = new GZipStream(file, CompressionLevel.Fastest);
            z.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    [Test]
    public void Read_RawFile_GivesDimensionsAndData()
    {
        string path = Write("a", Idx([2, 2, 3], Enumerable.Range(0, 12).Select(i => (byte)i).ToArray()));

        var idx = IdxReader.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(idx.Dimensions, Is.EqualTo(new[] { 2, 2, 3 }));
            Assert.That(idx.Data[11], Is.EqualTo(11));
        });
    }

    [Test]
    public void Read_GzipFile_IsDecompressed()
    {
        string path = Write("a.gz", Idx([3], [7, 8, 9]), gzip: true);

        Assert.That(IdxReader.Read(path).Data, Is.EqualTo(new byte[] { 7, 8, 9 }));
    }

    [Test]
    public void Read_TruncatedData_ThrowsNamingTheFile()
    {
        byte[] full = Idx([10], new byte[10]);
        string path = Write("short", full.AsSpan(0, full.Length - 3).ToArray());

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("short").And.Message.Contains("truncated"));
    }

    [Test]
    public void Read_BadMagic_Throws()
    {
        string path = Write("bad", [1, 2, 8, 1, 0, 0, 0, 0]);

        Assert.That(() => IdxReader.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("not an IDX"));
    }

    [Test]
    public void Read_UnsupportedType_Throws()
    {
        string path = Write("float", [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0]);

        Assert.That(() => IdxReader.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("0x0d"));
    }

    [Test]
    public void Read_TrailingBytesRaw_ThrowsNamingTheFile()
    {
        string path = Write("tail", [.. Idx([3], [1, 2, 3]), 9]);

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("tail").And.Message.Contains("trailing"));
    }

    [Test]
    public void Read_TrailingBytesInsideGzip_Throws()
    {
        string path = Write("tail.gz", [.. Idx([3], [1, 2, 3]), 9, 9], gzip: true);

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("tail.gz").And.Message.Contains("trailing"));
    }

    [Test]
    public void Read_SecondGzipMemberAfterTheData_Throws()
    {
        string first = Write("a.gz", Idx([3], [1, 2, 3]), gzip: true);
        string second = Write("b.gz", [4, 5], gzip: true);
        string path = Path.Combine(_dir, "two-members.gz");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(first), .. File.ReadAllBytes(second)]);

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("trailing"));
    }

    [Test]
    public void Read_JunkAfterTheGzipStream_ThrowsSayingTheTrailerDisagrees()
    {
        string gz = Write("a.gz", Idx([3], [1, 2, 3]), gzip: true);
        string path = Path.Combine(_dir, "junk.gz");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(gz), 0xDE, 0xAD, 0xBE, 0xEF]);

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>()
                .With.Message.Contains("junk.gz").And.Message.Contains("gzip trailer"));
    }

    [Test]
    public void Read_HeaderDeclaringTwoGigabytes_ThrowsBeforeAllocating()
    {
        string path = Write("huge", Idx([2_000_000_000], [1, 2, 3]));
        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("huge").And.Message.Contains("limit"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20), "bytes allocated");
    }

    [Test]
    public void Read_GzipDeclaringMoreThanItHolds_AllocatesAboutWhatArrives()
    {
        // 500 MB declared, 16 bytes present: the buffer grows only as data arrives (first chunk 1 MiB).
        string path = Write("short.gz", Idx([500, 1000, 1000], new byte[16]), gzip: true);
        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("truncated"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(3 << 20), "bytes allocated");
    }

    [Test]
    public void Read_GarbageAfterGzipMagic_ThrowsSayingDamagedGzip()
    {
        string path = Write("garbage.gz", [0x1f, 0x8b, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);

        Assert.That(() => IdxReader.Read(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("garbage.gz").And.Message.Contains("gzip"));
    }

    [Test]
    public void Load_NoImages_ThrowsNamingTheFile()
    {
        string images = Write("i", Idx([0, 28, 28], []));
        string labels = Write("l", Idx([0], []));

        Assert.That(() => IdxDataset.Load("t", images, labels, 10, Normalisation.Mnist),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("no images"));
    }

    [Test]
    public void Load_ImagesLargerThanTheShapeCap_ThrowsImplausible()
    {
        // Only the header: the shape is refused before the (absent) 70 MB of data would be read.
        string images = Write("i", Idx([1, 1, 70_000_000], []));
        string labels = Write("l", Idx([1], [0]));

        Assert.That(() => IdxDataset.Load("t", images, labels, 10, Normalisation.Mnist),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("implausible"));
    }

    [Test]
    public void Catalog_TenByTenImagesAsMnist_RefusedAsNotMnist()
    {
        Write("t10k-images-idx3-ubyte", Idx([2, 10, 10], new byte[200]));
        Write("t10k-labels-idx1-ubyte", Idx([2], [1, 2]));

        Assert.That(() => DatasetCatalog.Open(new DatasetRequest("mnist", DataDirectory: _dir)),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("1x10x10").And.Message.Contains("1x28x28"));
    }

    [Test]
    public void Catalog_FashionMnistLabelAboveNine_RefusedNamingTheLabelFile()
    {
        Write("t10k-images-idx3-ubyte", Idx([2, 28, 28], new byte[2 * 784]));
        Write("t10k-labels-idx1-ubyte", Idx([2], [1, 10]));

        Assert.That(() => DatasetCatalog.Open(new DatasetRequest("fashion-mnist", DataDirectory: _dir)),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("t10k-labels-idx1-ubyte")
                .And.Message.Contains("label 10"));
    }

    [Test]
    public void Load_ImagesAndLabels_ScalePixelsAndCheckCounts()
    {
        string images = Write("i", Idx([2, 2, 2], [0, 255, 51, 102, 0, 0, 0, 255]));
        string labels = Write("l", Idx([2], [3, 9]));

        var ds = IdxDataset.Load("t", images, labels, 10, new Normalisation([0.0], [1.0]));
        var px = new float[4];
        ds.ReadImage(0, px);

        Assert.Multiple(() =>
        {
            Assert.That(ds.Count, Is.EqualTo(2));
            Assert.That(ds.LabelOf(1), Is.EqualTo(9));
            Assert.That(px, Is.EqualTo(new[] { 0f, 1f, 0.2f, 0.4f }).Within(1e-6f));
        });
    }

    [Test]
    public void Load_LabelCountMismatch_Throws()
    {
        string images = Write("i", Idx([2, 1, 1], [0, 0]));
        string labels = Write("l", Idx([3], [0, 1, 2]));

        Assert.That(() => IdxDataset.Load("t", images, labels, 10, Normalisation.Mnist),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("do not match"));
    }

    [Test]
    public void Load_LabelOutsideClasses_Throws()
    {
        string images = Write("i", Idx([1, 1, 1], [0]));
        string labels = Write("l", Idx([1], [12]));

        Assert.That(() => IdxDataset.Load("t", images, labels, 10, Normalisation.Mnist),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("label 12"));
    }

    [Test]
    public void Catalog_MnistDataDirectoryWithoutFiles_ReportsMissingEnvironment()
    {
        Assert.That(() => DatasetCatalog.Open(new DatasetRequest("mnist", DataDirectory: _dir)),
            Throws.TypeOf<EnvironmentMissingException>().With.Message.Contains("t10k-images-idx3-ubyte"));
    }

    [Test]
    public void Catalog_MnistDataDirectoryWithIdxFiles_LoadsThem()
    {
        Write("t10k-images-idx3-ubyte.gz", Idx([3, 28, 28], new byte[3 * 784]), gzip: true);
        Write("t10k-labels-idx1-ubyte.gz", Idx([3], [1, 2, 3]), gzip: true);

        var ds = DatasetCatalog.Open(new DatasetRequest("mnist", DataDirectory: _dir));

        Assert.Multiple(() =>
        {
            Assert.That(ds.Count, Is.EqualTo(3));
            Assert.That(ds.Shape, Is.EqualTo(new ImageShape(1, 28, 28)));
        });
    }

    [Test]
    public void Catalog_UnknownName_ThrowsListingKnownNames()
    {
        Assert.That(() => DatasetCatalog.Open(new DatasetRequest("cifar1000")),
            Throws.ArgumentException.With.Message.Contains("unknown dataset 'cifar1000'").And.Message.Contains("mnist"));
    }
}
