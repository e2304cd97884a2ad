using System.Collections.Immutable;
using ILrg.Data;

namespace ILrg.Metrics;

/// <summary>Scores of a reconstructed batch after matching each reconstruction to a ground-truth image.</summary>
/// <param name="Match">For reconstruction i, the index of its ground-truth image.</param>
/// <param name="Psnr">PSNR (dB) of each matched pair, by reconstruction index.</param>
/// <param name="Ssim">SSIM of each matched pair, or empty when the images are smaller than the SSIM window.</param>
/// <param name="MeanPsnr">Mean of <paramref name="Psnr"/> (the batch value, SPEC.md §4).</param>
/// <param name="MeanSsim">Mean of <paramref name="Ssim"/>, or NaN when empty.</param>
public sealed record ImageScores(
    ImmutableArray<int> Match,
    ImmutableArray<double> Psnr,
    ImmutableArray<double> Ssim,
    double MeanPsnr,
    double MeanSsim)
{
    /// <summary>Matches and scores a batch.</summary>
    /// <param name="reconstructions">Raw [0,1] pixels, image after image.</param>
    /// <param name="truths">Raw [0,1] ground-truth pixels, image after image.</param>
    /// <param name="shape">Shape of one image.</param>
    public static ImageScores Score(ReadOnlySpan<float> reconstructions, ReadOnlySpan<float> truths, ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ImmutableArray<int> match = ImageMatching.Match(reconstructions, truths, shape.Size);
        int n = match.Length;
        var psnr = new double[n];
        bool ssimFits = shape.Height >= ImageMetrics.SsimWindow && shape.Width >= ImageMetrics.SsimWindow;
        var ssim = ssimFits ? new double[n] : [];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> rec = reconstructions.Slice(i * shape.Size, shape.Size);
            ReadOnlySpan<float> truth = truths.Slice(match[i] * shape.Size, shape.Size);
            psnr[i] = ImageMetrics.Psnr(rec, truth);
            if (ssimFits)
            {
                ssim[i] = ImageMetrics.Ssim(rec, truth, shape);
            }
        }

        return new ImageScores(match, [.. psnr], [.. ssim], psnr.Average(), ssimFits ? ssim.Average() : double.NaN);
    }
}
