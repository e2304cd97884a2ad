using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Data;

public sealed class SyntheticDatasetTests
{
    [Test]
    public void ReadImage_SameSeedAndIndex_SamePixels()
    {
        var a = SyntheticDataset.Cifar100Shaped(4);
        var b = SyntheticDataset.Cifar100Shaped(4);
        var pa = new float[3072];
        var pb = new float[3072];

        a.ReadImage(123, pa);
        b.ReadImage(123, pb);

        Assert.That(pa, Is.EqualTo(pb));
    }

    [Test]
    public void ReadImage_NormalisedUniformNoise_HasCifarStatistics()
    {
        var ds = SyntheticDataset.Cifar100Shaped();
        var px = new float[3072];
        ds.ReadImage(0, px);

        // Red channel: raw U(0,1) → (x − 0.5072)/0.2673 lies in [−1.898, 1.843].
        float[] red = px[..1024];
        Assert.Multiple(() =>
        {
            Assert.That(red.Min(), Is.GreaterThanOrEqualTo(-0.5071598291397095f / 0.2673342823982239f - 1e-5f));
            Assert.That(red.Max(), Is.LessThanOrEqualTo((1 - 0.5071598291397095f) / 0.2673342823982239f + 1e-5f));
        });
    }

    [Test]
    public void Name_AlwaysSaysSynthetic()
    {
        var ds = SyntheticDataset.Cifar100Shaped();

        Assert.Multiple(() =>
        {
            Assert.That(ds.IsSynthetic, Is.True);
            Assert.That(ds.Name, Does.StartWith("synthetic"));
            Assert.That(ds.Classes, Is.EqualTo(100));
        });
    }

    [Test]
    public void ImageShape_Parse_AcceptsCxHxWAndRejectsGarbage()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageShape.Parse("3x32x32"), Is.EqualTo(new ImageShape(3, 32, 32)));
            Assert.That(() => ImageShape.Parse("3x32"), Throws.TypeOf<FormatException>());
            Assert.That(() => ImageShape.Parse("0x32x32"), Throws.TypeOf<FormatException>());
        });
    }
}
