using ILrg.Data;
using ILrg.Testing;
using NUnit.Framework;
using SkiaSharp;

namespace ILrg.Tests.Unit.Data;

/// <summary>Fashion-MNIST, CIFAR-100 binary and ImageNet folders on files the tests write in those formats (SPEC.md §6).</summary>
public sealed class FileDatasetTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ilrg-scale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void FashionMnist_DebianTestSplit_Has10000ImagesOf10Classes()
    {
        IImageDataset data = RequiredData.FashionMnistOrSkip();

        Assert.Multiple(() =>
        {
            Assert.That(data.Count, Is.EqualTo(10_000));
            Assert.That(data.Classes, Is.EqualTo(10));
            Assert.That(data.Shape, Is.EqualTo(new ImageShape(1, 28, 28)));
            Assert.That(data.IsSynthetic, Is.False);
            Assert.That(Enumerable.Range(0, data.Count).Select(data.LabelOf).Distinct().Count(), Is.EqualTo(10));
        });
    }

    [Test]
    public void FashionMnist_DebianTrainSplit_Has60000Images()
    {
        IImageDataset data = RequiredData.FashionMnistOrSkip("train");

        Assert.That(data.Count, Is.EqualTo(60_000));
    }

    [Test]
    public void FashionMnist_EmptyDataDir_ErrorNamesDebianPackage()
    {
        var request = new DatasetRequest("fashion-mnist", DataDirectory: _dir);

        Assert.That(() => DatasetCatalog.Open(request),
            Throws.TypeOf<EnvironmentMissingException>().With.Message.Contains("dataset-fashion-mnist"));
    }

    [Test]
    public void Cifar100_ThreeRecords_ReadsFineLabelsAndRedPlaneFirst()
    {
        WriteCifar(Path.Combine(_dir, "test.bin"), (3, 42), (19, 99), (0, 0));

        IImageDataset data = DatasetCatalog.Open(new DatasetRequest("cifar100", DataDirectory: _dir));
        var image = new float[3072];
        data.ReadImage(0, image);

        Assert.Multiple(() =>
        {
            Assert.That(data.Count, Is.EqualTo(3));
            Assert.That(new[] { data.LabelOf(0), data.LabelOf(1), data.LabelOf(2) }, Is.EqualTo(new[] { 42, 99, 0 }));
            Assert.That(data.Shape, Is.EqualTo(new ImageShape(3, 32, 32)));
            Assert.That(data.Classes, Is.EqualTo(100));
            // Record 0 has red 255, green 0, blue 128 everywhere (see WriteCifar).
            Assert.That(image[0], Is.EqualTo((1.0 - 0.5071598291397095) / 0.2673342823982239).Within(1e-5));
            Assert.That(image[1024], Is.EqualTo((0.0 - 0.4866936206817627) / 0.2564384639263153).Within(1e-5));
            Assert.That(image[2048], Is.EqualTo((128 / 255.0 - 0.44120192527770996) / 0.2761504650115967).Within(1e-5));
        });
    }

    [Test]
    public void Cifar100_TrainSplitInBinarySubfolder_IsFound()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "cifar-100-binary"));
        WriteCifar(Path.Combine(_dir, "cifar-100-binary", "train.bin"), (1, 7));

        IImageDataset data = DatasetCatalog.Open(new DatasetRequest("cifar100", DataDirectory: _dir, Split: "train"));

        Assert.That(data.LabelOf(0), Is.EqualTo(7));
    }

    [Test]
    public void Cifar100_TruncatedFile_ThrowsSayingTruncated()
    {
        string path = Path.Combine(_dir, "test.bin");
        WriteCifar(path, (3, 42), (19, 99));
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        Assert.That(() => Cifar100Binary.Load(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("truncated"));
    }

    [Test]
    public void Cifar100_FineLabelOutOfRange_ThrowsWithTheLabel()
    {
        string path = Path.Combine(_dir, "test.bin");
        WriteCifar(path, (3, 100));

        Assert.That(() => Cifar100Binary.Load(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("fine label 100"));
    }

    [Test]
    public void Cifar100_TrailingBytes_ThrowsNamingTheFile()
    {
        string path = Path.Combine(_dir, "test.bin");
        WriteCifar(path, (3, 42));
        File.AppendAllText(path, "xyz");

        Assert.That(() => Cifar100Binary.Load(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains(path).And.Message.Contains("trailing"));
    }

    [Test]
    public void Cifar100_MoreRecordsThanCifar100Holds_RefusedBeforeReading()
    {
        string path = Path.Combine(_dir, "test.bin");
        using (var file = File.Create(path))
        {
            file.SetLength((long)Cifar100Binary.RecordSize * (Cifar100Binary.MaxRecords + 1)); // sparse, all zero
        }

        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => Cifar100Binary.Load(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("60001 records"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20), "bytes allocated");
    }

    [Test]
    public void ImageFolder_PngCutToAThird_ThrowsInsteadOfAPartlyGreyImage()
    {
        string path = Path.Combine(_dir, "cls", "third.png");
        WriteImage(path, 300, 300, SKColors.Green, SKEncodedImageFormat.Png);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        ImageFolderDataset data = ImageFolderDataset.Open(_dir);

        Assert.That(() => data.ReadImage(0, new float[3 * 224 * 224]),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("third.png"));
    }

    [Test]
    public void ImageFolder_Wide40000x1Png_RefusedNotResizedTo10Million()
    {
        string path = Path.Combine(_dir, "cls", "wide.png");
        WriteImage(path, 40000, 1, SKColors.Red, SKEncodedImageFormat.Png);
        ImageFolderDataset data = ImageFolderDataset.Open(_dir);

        Assert.That(() => data.ReadImage(0, new float[3 * 224 * 224]),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("wide.png").And.Message.Contains("aspect"));
    }

    [Test]
    public void Cifar100_NoDataDir_IsEnvironmentMissing()
    {
        Assert.That(() => DatasetCatalog.Open(new DatasetRequest("cifar100")), Throws.TypeOf<EnvironmentMissingException>());
    }

    [Test]
    public void ImageFolder_PngAndJpegClasses_IndexesClassesInNameOrder()
    {
        WriteImage(Path.Combine(_dir, "n02", "a.png"), 300, 260, SKColors.Red, SKEncodedImageFormat.Png);
        WriteImage(Path.Combine(_dir, "n01", "b.jpg"), 260, 300, SKColors.Blue, SKEncodedImageFormat.Jpeg);
        WriteImage(Path.Combine(_dir, "n01", "c.jpeg"), 256, 256, SKColors.Blue, SKEncodedImageFormat.Jpeg);
        File.WriteAllText(Path.Combine(_dir, "n01", "notes.txt"), "not an image");

        IImageDataset data = DatasetCatalog.Open(new DatasetRequest("imagenet", DataDirectory: _dir));

        Assert.Multiple(() =>
        {
            Assert.That(data.Count, Is.EqualTo(3));
            Assert.That(data.Classes, Is.EqualTo(2));
            Assert.That(data.Shape, Is.EqualTo(new ImageShape(3, 224, 224)));
            Assert.That(Enumerable.Range(0, 3).Select(data.LabelOf), Is.EqualTo(new[] { 0, 0, 1 }));
        });
    }

    [Test]
    public void ImageFolder_SolidRedPng_NormalisedWithImageNetStatistics()
    {
        WriteImage(Path.Combine(_dir, "cls", "a.png"), 300, 260, SKColors.Red, SKEncodedImageFormat.Png);
        var image = new float[3 * 224 * 224];

        ImageFolderDataset.Open(_dir).ReadImage(0, image);

        Assert.Multiple(() =>
        {
            Assert.That(image[0], Is.EqualTo((1.0 - 0.485) / 0.229).Within(1e-5));
            Assert.That(image[224 * 224], Is.EqualTo((0.0 - 0.456) / 0.224).Within(1e-5));
            Assert.That(image[2 * 224 * 224 + 500], Is.EqualTo((0.0 - 0.406) / 0.225).Within(1e-5));
        });
    }

    [Test]
    public void Preprocess_WideHalfBlackHalfWhite_CentreCropKeepsTheMiddle()
    {
        // 1024×512: shorter side 512 → scale 0.5 → 512×256; crop columns 144..367 straddle the edge at column 256.
        string path = Path.Combine(_dir, "cls", "split.png");
        using (var bitmap = new SKBitmap(1024, 512))
        {
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.Black);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(512, 0, 512, 512, paint);
            Save(bitmap, path, SKEncodedImageFormat.Png);
        }

        var raw = new float[3 * 224 * 224];
        ImageFolderDataset.Preprocess(path, raw);

        Assert.Multiple(() =>
        {
            Assert.That(raw[100 * 224 + 0], Is.EqualTo(0f).Within(0.02), "left edge of the crop is black");
            Assert.That(raw[100 * 224 + 100], Is.EqualTo(0f).Within(0.02), "column 100 (source 244) is black");
            Assert.That(raw[100 * 224 + 124], Is.EqualTo(1f).Within(0.02), "column 124 (source 268) is white");
            Assert.That(raw[100 * 224 + 223], Is.EqualTo(1f).Within(0.02), "right edge of the crop is white");
        });
    }

    [Test]
    public void ImageFolder_GarbageJpeg_ThrowsNamingTheFile()
    {
        string path = Path.Combine(_dir, "cls", "bad.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0x00, 1, 2, 3, 4, 5]);
        ImageFolderDataset data = ImageFolderDataset.Open(_dir);

        Assert.That(() => data.ReadImage(0, new float[3 * 224 * 224]),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("bad.jpg"));
    }

    [Test]
    public void ImageFolder_TruncatedPng_ThrowsInvalidData()
    {
        string path = Path.Combine(_dir, "cls", "cut.png");
        WriteImage(path, 300, 300, SKColors.Green, SKEncodedImageFormat.Png);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        ImageFolderDataset data = ImageFolderDataset.Open(_dir);

        Assert.That(() => data.ReadImage(0, new float[3 * 224 * 224]), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void ImageFolder_ClassFolderWithoutImages_ThrowsNamingTheFolder()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));

        Assert.That(() => ImageFolderDataset.Open(_dir),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("empty"));
    }

    [Test]
    public void Synthetic_ImageNetShape_IsLabelledSyntheticImageNetShaped()
    {
        var request = new DatasetRequest("synthetic", Classes: 1000, Shape: new ImageShape(3, 224, 224));

        IImageDataset data = DatasetCatalog.Open(request);

        Assert.Multiple(() =>
        {
            Assert.That(data.IsSynthetic, Is.True);
            Assert.That(data.Name, Does.Contain("synthetic").And.Contain("ImageNet-shaped"));
            Assert.That(data.Classes, Is.EqualTo(1000));
            Assert.That(data.Shape, Is.EqualTo(new ImageShape(3, 224, 224)));
        });
    }

    /// <summary>Writes records (coarse, fine) whose pixels are red 255, green 0, blue 128.</summary>
    private static void WriteCifar(string path, params (byte Coarse, byte Fine)[] records)
    {
        using var file = File.Create(path);
        foreach (var (coarse, fine) in records)
        {
            file.WriteByte(coarse);
            file.WriteByte(fine);
            file.Write(Enumerable.Repeat((byte)255, 1024).ToArray());
            file.Write(new byte[1024]);
            file.Write(Enumerable.Repeat((byte)128, 1024).ToArray());
        }
    }

    private static void WriteImage(string path, int width, int height, SKColor color, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        Save(bitmap, path, format);
    }

    private static void Save(SKBitmap bitmap, string path, SKEncodedImageFormat format)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using SKData data = bitmap.Encode(format, 95);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
