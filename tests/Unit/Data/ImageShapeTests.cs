using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Data;

/// <summary>Shape arithmetic is overflow-checked and capped (issue 9).</summary>
public sealed class ImageShapeTests
{
    [TestCase("3x32x32", 3072)]
    [TestCase("3×224×224", 150_528)]
    [TestCase("1x8192x8192", ImageShape.MaxSize)]
    public void Parse_PlausibleShape_GivesItsSize(string text, int size)
    {
        Assert.That(ImageShape.Parse(text).Size, Is.EqualTo(size));
    }

    [TestCase("3x99999x99999")]
    [TestCase("99999x99999x99999")]
    [TestCase("3x2147483647x1")]
    [TestCase("1x46341x46341")]
    [TestCase("1x8192x8193")]
    public void Parse_SizeAboveTheCap_ThrowsArgumentExceptionNamingTheShape(string text)
    {
        Assert.That(() => ImageShape.Parse(text),
            Throws.ArgumentException.With.Message.Contains(text.Replace('×', 'x')).And.Message.Contains("limit"));
    }

    [TestCase("0x32x32")]
    [TestCase("-1x32x32")]
    [TestCase("3x32")]
    [TestCase("3x2147483648x1")]
    [TestCase("abc")]
    public void Parse_NotThreePositiveInts_ThrowsFormatException(string text)
    {
        Assert.That(() => ImageShape.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains(text));
    }

    [Test]
    public void Constructor_ZeroSide_Throws()
    {
        Assert.That(() => new ImageShape(3, 0, 32), Throws.ArgumentException.With.Message.Contains("3x0x32"));
    }

    [Test]
    public void Equality_SameSides_EqualAndDeconstructs()
    {
        var (c, h, w) = new ImageShape(3, 4, 5);

        Assert.Multiple(() =>
        {
            Assert.That(new ImageShape(3, 4, 5), Is.EqualTo(new ImageShape(3, 4, 5)));
            Assert.That((c, h, w), Is.EqualTo((3, 4, 5)));
        });
    }

    [TestCase(2_147_483_647)]
    [TestCase(10_000_000)]
    [TestCase(0)]
    public void Catalog_SyntheticClassCountOutsideRange_RefusedBeforeAllocating(int classes)
    {
        Assert.That(() => DatasetCatalog.Open(new DatasetRequest("synthetic", Classes: classes)),
            Throws.ArgumentException.With.Message.Contains($"{classes} classes").And.Message.Contains("50000"));
    }

    [Test]
    public void Catalog_SyntheticFiftyThousandClasses_Opens()
    {
        Assert.That(DatasetCatalog.Open(new DatasetRequest("synthetic", Classes: 50_000)).Classes, Is.EqualTo(50_000));
    }

    [Test]
    public void BatchImages_ChunkBeyondOneArray_RefusedNamingChunkSize()
    {
        var data = new SyntheticDataset("big", new ImageShape(1, 8192, 8192), 2, 100, 1, Normalisation.Mnist);
        var batch = new Batch(data, Enumerable.Range(0, 40).ToArray(), new int[40]);

        Assert.That(() => batch.Images(), Throws.ArgumentException.With.Message.Contains("--chunk-size"));
    }
}
