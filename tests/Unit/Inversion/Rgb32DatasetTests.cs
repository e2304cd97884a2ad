using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Inversion;

public sealed class Rgb32DatasetTests
{
    [Test]
    public void ReadImage_TwoByTwoToFourByFour_InterpolatesAtHalfPixelCentres()
    {
        // Raw row [0, 1]: output centres at source x = −0.25, 0.25, 0.75, 1.25 → clamped bilinear 0, .25, .75, 1.
        var inner = new InMemoryDataset("t", new ImageShape(1, 2, 2), 2, [0f, 1f, 0f, 1f], [0], Normalisation.Mnist);
        var data = new Rgb32Dataset(inner, 4);
        var pixels = new float[data.Shape.Size];

        data.ReadImage(0, pixels);
        double mean = Normalisation.Mnist.Mean[0], std = Normalisation.Mnist.Std[0];
        double[] firstRow = pixels.Take(4).Select(v => (v * std) + mean).ToArray();

        Assert.That(firstRow, Is.EqualTo(new[] { 0, 0.25, 0.75, 1 }).Within(1e-6));
    }

    [Test]
    public void ReadImage_Always_ReplicatesTheGreyPlaneToThreeChannels()
    {
        var inner = new InMemoryDataset("t", new ImageShape(1, 2, 2), 2, [0.1f, 0.7f, 0.3f, 0.9f], [1],
            Normalisation.Mnist);
        var data = new Rgb32Dataset(inner);
        var pixels = new float[data.Shape.Size];

        data.ReadImage(0, pixels);

        Assert.Multiple(() =>
        {
            Assert.That(data.Shape, Is.EqualTo(new ImageShape(3, 32, 32)));
            Assert.That(pixels.AsSpan(1024, 1024).ToArray(), Is.EqualTo(pixels.AsSpan(0, 1024).ToArray()));
            Assert.That(pixels.AsSpan(2048, 1024).ToArray(), Is.EqualTo(pixels.AsSpan(0, 1024).ToArray()));
            Assert.That(data.LabelOf(0), Is.EqualTo(1));
        });
    }

    [Test]
    public void Constructor_ThreeChannelInner_ThrowsNamingShape()
    {
        var inner = SyntheticDataset.Cifar100Shaped();

        var ex = Assert.Throws<ArgumentException>(() => _ = new Rgb32Dataset(inner));

        Assert.That(ex!.Message, Does.Contain("3x32x32"));
    }
}
