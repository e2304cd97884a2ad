using ILrg.Data;
using ILrg.Metrics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Metrics;

public sealed class ImageMatchingTests
{
    [Test]
    public void Match_PermutedCopies_RecoversThePermutation()
    {
        // Four 2-pixel images; reconstruction i is truth perm[i].
        float[][] truths = [[0f, 0f], [1f, 0f], [0f, 1f], [1f, 1f]];
        int[] perm = [2, 0, 3, 1];
        float[] rec = perm.SelectMany(p => truths[p]).ToArray();

        var match = ImageMatching.Match(rec, truths.SelectMany(t => t).ToArray(), 2);

        Assert.That(match, Is.EqualTo(perm));
    }

    [Test]
    public void Match_WhereGreedyFails_TakesTheGlobalOptimum()
    {
        // One-pixel images. Greedy row by row would match 0.5→0.55 (0.0025) and then 0.6→0.0 (0.36), total 0.3625;
        // the optimum is 0.5→0.0 (0.25) and 0.6→0.55 (0.0025), total 0.2525.
        float[] rec = [0.5f, 0.6f];
        float[] truth = [0.55f, 0.0f];

        var match = ImageMatching.Match(rec, truth, 1);

        Assert.That(match, Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void Match_UnequalCounts_ThrowsNamingSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImageMatching.Match(new float[6], new float[4], 2));

        Assert.That(ex!.Message, Does.Contain("6").And.Contain("4"));
    }

    [Test]
    public void Score_PermutedImagesOffByOneTenth_MatchesAndGivesTwentyDecibels()
    {
        var shape = new ImageShape(1, 2, 2);
        float[] truth = [0.1f, 0.2f, 0.3f, 0.4f, 0.9f, 0.8f, 0.7f, 0.6f];
        float[] rec = [0.8f, 0.7f, 0.6f, 0.5f, 0.2f, 0.3f, 0.4f, 0.5f]; // image 1 first, each pixel −0.1 / +0.1

        var scores = ImageScores.Score(rec, truth, shape);

        Assert.Multiple(() =>
        {
            Assert.That(scores.Match, Is.EqualTo(new[] { 1, 0 }));
            Assert.That(scores.MeanPsnr, Is.EqualTo(20.0).Within(1e-4));
            Assert.That(double.IsNaN(scores.MeanSsim), Is.True, "2×2 images are smaller than the SSIM window");
        });
    }
}
