using ILrg.Restoration.Baselines;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Baselines;

public sealed class GreedyCountTests
{
    [Test]
    public void Llg_WorkedExample_UpdatesTheChosenClassNotAStaleIndex()
    {
        // Row sums (d = 1) −0.6, −0.2, 0.3, 0.5; C = 4, N = 6: m = −0.8·(1 + 1/4)/6 = −1/6.
        // Stage 1 takes 0 (→ −0.433) and 1 (→ −0.033); stage 2 takes 0, 0, 0 (→ 0.067) and then 1.
        // Decrementing the stale stage-1 index instead would give [5, 1, 0, 0].
        var observation = ObservationBuilder.FromGradients(new[,] { { -0.6 }, { -0.2 }, { 0.3 }, { 0.5 } },
            [0, 0, 0, 0], 6);

        var result = new LlgRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 4, 2, 0, 0 }));
    }

    [Test]
    public void LlgPlus_CalibratedImpact_ReplacesTheObservedOne()
    {
        // Same row sums as above, N = 6, but Ō = 2.4 gives m = −0.4: stage 1 takes 0 (→ −0.2) and 1 (→ 0.2); stage 2
        // takes 0 (→ 0.2), 0 (tie, lower index; → 0.6), 1 (→ 0.6), 2 (→ 0.7).
        var observation = ObservationBuilder.FromGradients(new[,] { { -0.6 }, { -0.2 }, { 0.3 }, { 0.5 } },
            [0, 0, 0, 0], 6);
        var calibration = new LastLayerCalibration([0.25, 0.25, 0.25, 0.25], 2.4, [0.6, 0.6, 0.6, 0.6], 1,
            "hand-built");

        var result = new LlgRestorer(LlgVariant.Plus, calibration).Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 3, 2, 1, 0 }));
    }

    [Test]
    public void Llg_MoreNegativeClassesThanN_TakesTheMostNegative()
    {
        var observation = ObservationBuilder.FromGradients(new[,] { { -0.1 }, { -0.3 }, { -0.2 } }, [0, 0, 0], 2);

        var result = new LlgRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 0, 1, 1 }));
    }

    [Test]
    public void Ebi_WorkedExample_GivesHandComputedCounts()
    {
        // g_b = [−0.5, −0.25, 0.4, 0.35], N = 4: m = −0.75/4 = −0.1875. Stage 1: 0 (→ −0.3125), 1 (→ −0.0625);
        // stage 2: 0 (→ −0.125), 0 (→ 0.0625).
        var observation = ObservationBuilder.FromGradients(new double[4, 1], [-0.5, -0.25, 0.4, 0.35], 4);

        var result = new BiasCorrectedRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 3, 1, 0, 0 }));
    }

    [Test]
    public void LlgStar_SharedEmbedding_RestoresExactCounts()
    {
        var (observation, calibration, truth) = SharedEmbedding();

        var result = new LlgRestorer(LlgVariant.Star, calibration).Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(truth));
    }

    [Test]
    public void ZeroShot_SharedEmbedding_RestoresExactCounts()
    {
        var (observation, calibration, truth) = SharedEmbedding();

        var result = new ZeroShotRestorer(calibration).Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(truth));
    }

    [Test]
    public void LlgPlus_WithoutCalibration_Throws()
    {
        Assert.That(() => new LlgRestorer(LlgVariant.Plus), Throws.ArgumentException);
    }

    [Test]
    public void ZeroShot_CalibrationForOtherClassCount_Throws()
    {
        var (observation, _, _) = SharedEmbedding();
        var wrong = new LastLayerCalibration([0.5, 0.5], 1.0, [0.1, 0.1], 1, "test");

        Assert.That(() => new ZeroShotRestorer(wrong).Restore(observation), Throws.ArgumentException);
    }

    /// <summary>
    /// Every sample has embedding h = (1, 2, 0.5) (sum Ō = 3.5), so p̄ and the offsets O_c = p_c·Ō are exact and
    /// row_c = O_c − k_c·Ō/N holds exactly.
    /// </summary>
    internal static (ILrg.Restoration.LastLayerObservation, LastLayerCalibration, int[]) SharedEmbedding()
    {
        double[,] w = { { 0.2, -0.1, 0.3 }, { -0.4, 0.1, 0.0 }, { 0.1, 0.1, 0.1 }, { 0.0, -0.3, 0.5 } };
        double[] b = [0.05, -0.02, 0.0, 0.1];
        double[] h = [1.0, 2.0, 0.5];
        int[] labels = [0, 0, 2, 3, 3, 3, 0];
        var observation = ObservationBuilder.FromBatch(w, b, labels.Select(_ => h).ToArray(), labels);
        double[] p = ObservationBuilder.Softmax(w, b, h);
        var calibration = new LastLayerCalibration([.. p], 3.5, [.. p.Select(v => v * 3.5)], 1, "shared embedding");
        return (observation, calibration, [3, 0, 1, 3]);
    }
}
