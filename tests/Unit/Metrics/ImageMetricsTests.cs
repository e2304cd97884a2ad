using ILrg.Data;
using ILrg.Metrics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Metrics;

public sealed class ImageMetricsTests
{
    private const double C1 = 0.01 * 0.01;
    private const double C2 = 0.03 * 0.03;

    [Test]
    public void Psnr_ConstantErrorOfOneTenth_IsTwentyDecibels()
    {
        float[] a = Enumerable.Repeat(0.3f, 16).ToArray();
        float[] b = Enumerable.Repeat(0.4f, 16).ToArray();

        // MSE = 0.01, so 10·log10(1/0.01) = 20 dB.
        Assert.That(ImageMetrics.Psnr(a, b), Is.EqualTo(20.0).Within(1e-5));
    }

    [Test]
    public void Psnr_HalfThePixelsOffByOne_IsThreeDecibels()
    {
        float[] a = [0, 0, 0, 0];
        float[] b = [1, 1, 0, 0];

        // MSE = 0.5, so 10·log10(2) ≈ 3.0103 dB.
        Assert.That(ImageMetrics.Psnr(a, b), Is.EqualTo(10 * Math.Log10(2)).Within(1e-12));
    }

    [Test]
    public void Psnr_IdenticalImages_IsInfinite()
    {
        float[] a = [0.1f, 0.5f, 0.9f];

        Assert.That(ImageMetrics.Psnr(a, a), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Mse_DifferentLengths_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImageMetrics.Mse(new float[3], new float[4]));

        Assert.That(ex!.Message, Does.Contain("3").And.Contain("4"));
    }

    [Test]
    public void Mse_NaNPixel_Throws()
    {
        Assert.Throws<ILrg.Numerics.NonFiniteInputException>(() => ImageMetrics.Mse([float.NaN, 0], [0, 0]));
    }

    [Test]
    public void Ssim_IdenticalImages_IsOne()
    {
        var shape = new ImageShape(1, 16, 16);
        float[] a = Enumerable.Range(0, shape.Size).Select(i => (float)((i * 37 % 101) / 100.0)).ToArray();

        Assert.That(ImageMetrics.Ssim(a, a, shape), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Ssim_TwoConstantImages_IsTheLuminanceTermByHand()
    {
        var shape = new ImageShape(1, 12, 12);
        float[] a = Enumerable.Repeat(0.25f, shape.Size).ToArray();
        float[] b = Enumerable.Repeat(0.75f, shape.Size).ToArray();
        // No variance anywhere: contrast-structure term (0 + C2)/(0 + C2) = 1, luminance (2·μa·μb + C1)/(μa² + μb² +
        // C1).
        double expected = ((2 * 0.25 * 0.75) + C1) / ((0.25 * 0.25) + (0.75 * 0.75) + C1);

        Assert.That(ImageMetrics.Ssim(a, b, shape), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void Ssim_StepEdgeAgainstFlatGrey_MatchesHandDerivation()
    {
        // One 11×11 window. a: columns 0–4 black, column 5 grey 0.5, columns 6–10 white; b: flat 0.5.
        var shape = new ImageShape(1, 11, 11);
        var a = new float[shape.Size];
        for (int y = 0; y < 11; y++)
        {
            for (int x = 0; x < 11; x++)
            {
                a[(y * 11) + x] = x < 5 ? 0f : x == 5 ? 0.5f : 1f;
            }
        }

        float[] b = Enumerable.Repeat(0.5f, shape.Size).ToArray();
        // By symmetry of the Gaussian, μa = 0.5 = μb, so luminance = 1. σb = 0 and cov = 0, so SSIM = C2/(σa² + C2),
        // where σa² = 0.25·(1 − w5) and w5 = g(0)/Σ_k g(k), g(k) = exp(−k²/(2·1.5²)), k = −5..5, is the weight of the
        // centre column (whose deviation from 0.5 is zero).
        double sum = Enumerable.Range(-5, 11).Sum(k => Math.Exp(-(k * k) / 4.5));
        double varA = 0.25 * (1 - (1 / sum));
        double expected = C2 / (varA + C2);

        Assert.That(ImageMetrics.Ssim(a, b, shape), Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Ssim_ThreeChannels_IsTheMeanOverChannels()
    {
        var shape = new ImageShape(3, 11, 11);
        int plane = 121;
        float[] a = new float[shape.Size];
        float[] b = new float[shape.Size];
        Array.Fill(a, 0.25f, 0, plane);
        Array.Fill(b, 0.75f, 0, plane); // channel 0: the constant pair above
        Array.Fill(a, 0.5f, plane, 2 * plane);
        Array.Fill(b, 0.5f, plane, 2 * plane); // channels 1, 2: identical, SSIM 1
        double channel0 = ((2 * 0.25 * 0.75) + C1) / ((0.25 * 0.25) + (0.75 * 0.75) + C1);

        Assert.That(ImageMetrics.Ssim(a, b, shape), Is.EqualTo((channel0 + 2) / 3).Within(1e-6));
    }

    [Test]
    public void Ssim_ImageSmallerThanWindow_ThrowsNamingShape()
    {
        var shape = new ImageShape(1, 8, 8);

        var ex = Assert.Throws<ArgumentException>(() => ImageMetrics.Ssim(new float[64], new float[64], shape));

        Assert.That(ex!.Message, Does.Contain("1x8x8"));
    }

    [Test]
    public void GaussianWindow_Always_SumsToOneAndIsSymmetric()
    {
        double[] g = ImageMetrics.GaussianWindow();

        Assert.Multiple(() =>
        {
            Assert.That(g.Sum(), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(g, Is.EqualTo(g.Reverse().ToArray()).Within(1e-15));
        });
    }
}
