using ILrg.Data;
using ILrg.Inversion;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Inversion;

public sealed class TotalVariationTests
{
    [Test]
    public void Of_TwoByTwoImage_IsMeanHorizontalPlusMeanVerticalDifference()
    {
        using var x = tensor(new float[] { 0, 1, 2, 4 }, [1, 1, 2, 2]);

        using var tv = TotalVariation.Of(x);

        // Horizontal |0−1|, |2−4| → mean 1.5; vertical |0−2|, |1−4| → mean 2.5.
        Assert.That(tv.item<float>(), Is.EqualTo(4.0f).Within(1e-6));
    }

    [Test]
    public void Of_ThreeDimensionalTensor_ThrowsNamingShape()
    {
        using var x = zeros(1, 2, 2);

        var ex = Assert.Throws<ArgumentException>(() => TotalVariation.Of(x));

        Assert.That(ex!.Message, Does.Contain("1×2×2"));
    }

    [Test]
    public void PixelBoxClamp_ValuesOutside_EndOnTheNormalisedBounds()
    {
        using var box = new PixelBox(Normalisation.Mnist, 1);
        using var x = tensor(new float[] { -100, 0, 100 }, [1, 1, 1, 3]);

        box.Clamp(x);
        float[] raw = box.ToRaw(x);

        Assert.That(raw, Is.EqualTo(new[] { 0f, (float)Normalisation.Mnist.Mean[0], 1f }).Within(1e-6));
    }
}
