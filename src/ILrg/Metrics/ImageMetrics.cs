using ILrg.Data;
using ILrg.Numerics;

namespace ILrg.Metrics;

/// <summary>Image quality metrics on raw [0,1] pixels (SPEC.md §4): MSE, PSNR and SSIM.</summary>
public static class ImageMetrics
{
    /// <summary>Side of the SSIM Gaussian window.</summary>
    public const int SsimWindow = 11;

    /// <summary>σ of the SSIM Gaussian window.</summary>
    public const double SsimSigma = 1.5;

    /// <summary>SSIM's K1.</summary>
    public const double K1 = 0.01;

    /// <summary>SSIM's K2.</summary>
    public const double K2 = 0.03;

    /// <summary>Mean squared error between two images of equal length.</summary>
    /// <exception cref="ArgumentException">Lengths differ, are zero, or a value is NaN/∞.</exception>
    public static double Mse(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Check(a, b);
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - (double)b[i];
            sum += d * d;
        }

        return sum / a.Length;
    }

    /// <summary>PSNR = 10·log10(1/MSE) in dB for pixels in [0,1]; +∞ for identical images.</summary>
    /// <remarks>SPEC.md §4 (image metrics).</remarks>
    public static double Psnr(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double mse = Mse(a, b);
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(1 / mse);
    }

    /// <summary>
    /// SSIM (Wang et al. 2004) with an 11×11 Gaussian window (σ 1.5), K1 0.01, K2 0.03, dynamic range 1, over the
    /// windows that fit inside the image ("valid"), averaged over windows and then over channels.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ from the shape, or the image is smaller than the
    /// window.</exception>
    public static double Ssim(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Check(a, b);
        if (a.Length != shape.Size)
        {
            throw new ArgumentException($"images have {a.Length} values but shape {shape} needs {shape.Size}");
        }

        if (shape.Height < SsimWindow || shape.Width < SsimWindow)
        {
            throw new ArgumentException($"SSIM needs images of at least {SsimWindow}×{SsimWindow}, got {shape}");
        }

        double[] w = GaussianWindow();
        const double c1 = K1 * K1;
        const double c2 = K2 * K2;
        int plane = shape.Height * shape.Width;
        double total = 0;
        for (int ch = 0; ch < shape.Channels; ch++)
        {
            ReadOnlySpan<float> pa = a.Slice(ch * plane, plane);
            ReadOnlySpan<float> pb = b.Slice(ch * plane, plane);
            double channelSum = 0;
            int windows = 0;
            for (int top = 0; top + SsimWindow <= shape.Height; top++)
            {
                for (int left = 0; left + SsimWindow <= shape.Width; left++)
                {
                    double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0;
                    for (int i = 0; i < SsimWindow; i++)
                    {
                        for (int j = 0; j < SsimWindow; j++)
                        {
                            double weight = w[i] * w[j];
                            int k = ((top + i) * shape.Width) + left + j;
                            double va = pa[k], vb = pb[k];
                            ma += weight * va;
                            mb += weight * vb;
                            saa += weight * va * va;
                            sbb += weight * vb * vb;
                            sab += weight * va * vb;
                        }
                    }

                    double varA = saa - (ma * ma), varB = sbb - (mb * mb), cov = sab - (ma * mb);
                    channelSum += ((2 * ma * mb) + c1) * ((2 * cov) + c2) /
                                  (((ma * ma) + (mb * mb) + c1) * (varA + varB + c2));
                    windows++;
                }
            }

            total += channelSum / windows;
        }

        return total / shape.Channels;
    }

    /// <summary>The normalised 1-D Gaussian of SSIM's window (the 2-D window is its outer product).</summary>
    public static double[] GaussianWindow()
    {
        var g = new double[SsimWindow];
        int half = SsimWindow / 2;
        for (int i = 0; i < SsimWindow; i++)
        {
            g[i] = Math.Exp(-((i - half) * (i - half)) / (2 * SsimSigma * SsimSigma));
        }

        double sum = g.Sum();
        return g.Select(v => v / sum).ToArray();
    }

    private static void Check(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException($"images must have the same non-zero length, got {a.Length} and {b.Length}");
        }

        Guard.Finite(a, "image a");
        Guard.Finite(b, "image b");
    }
}
