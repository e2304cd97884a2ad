using ILrg.Restoration;
using ILrg.Restoration.Plus;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Plus;

public sealed class ILrgPlusRestorerTests
{
    [Test]
    public void Restore_BatchSharingOneEmbedding_RecoversTrueCounts()
    {
        int[] counts = [3, 0, 5, 1];

        LabelRestoration r = new ILrgPlusRestorer().Restore(ObservationBuilder.SharedEmbedding(counts, 6, seed: 11));

        Assert.Multiple(() =>
        {
            Assert.That(r.Method, Is.EqualTo("ilrg+"));
            Assert.That(r.Counts, Is.EqualTo(counts));
            Assert.That(r.CorrectedCounts, Is.EqualTo(counts));
        });
    }

    [Test]
    public void Restore_EveryClassPresentSharingOneEmbedding_RecoversTrueCounts()
    {
        // No class absent, so no unmixing: stage 1 alone is exact when all class deviations are zero.
        int[] counts = [4, 2, 7, 1, 3];

        ILrgPlusTrace t = new ILrgPlusRestorer().Trace(ObservationBuilder.SharedEmbedding(counts, 9, seed: 4));

        Assert.Multiple(() =>
        {
            Assert.That(t.Restoration.Counts, Is.EqualTo(counts));
            Assert.That(t.Stage, Is.EqualTo(ILrgPlusStage.MeanEmbedding));
        });
    }

    [Test]
    public void Trace_ConfidentBatchSmallerThanC_CountsTheRays()
    {
        int[] labels = [1, 1, 4, 8, 2, 6];

        ILrgPlusTrace t = new ILrgPlusRestorer().Trace(ConfidentBatch.Of(labels, 9));

        Assert.Multiple(() =>
        {
            Assert.That(t.Stage, Is.EqualTo(ILrgPlusStage.Rays));
            Assert.That(t.Restoration.Counts, Is.EqualTo(ConfidentBatch.CountsOf(labels)));
            Assert.That(t.Restoration.Counts.Sum(), Is.EqualTo(labels.Length));
        });
    }

    [Test]
    public void Trace_ConfidentBatchWithRaysSwitchedOff_UsesTheMeanEmbedding()
    {
        int[] labels = [1, 1, 4, 8, 2, 6];

        ILrgPlusTrace t = new ILrgPlusRestorer(new ILrgPlusOptions(UseRays: false)).Trace(ConfidentBatch.Of(labels, 9));

        Assert.That(t.Stage, Is.Not.EqualTo(ILrgPlusStage.Rays));
    }

    [Test]
    public void Trace_ConfidentBatchNotSmallerThanCWithPrivateUnits_CountsTheRays()
    {
        int[] labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 3];

        ILrgPlusTrace t = new ILrgPlusRestorer().Trace(ConfidentBatch.Of(labels, 2));

        Assert.Multiple(() =>
        {
            Assert.That(t.Stage, Is.EqualTo(ILrgPlusStage.Rays));
            Assert.That(t.Restoration.Counts, Is.EqualTo(ConfidentBatch.CountsOf(labels)));
        });
    }

    [Test]
    public void Trace_ConfidentBatchWithoutACompleteDecomposition_KeepsIlrgsAnswer()
    {
        // Two samples have no unit of their own and the greedy search may add none: rays are incomplete.
        int[] labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 3];
        var obs = ConfidentBatch.Of(labels, 2, withPrivateUnits: 10);

        ILrgPlusTrace t = new ILrgPlusRestorer(new ILrgPlusOptions(MaxGreedyRays: 0)).Trace(obs);

        Assert.Multiple(() =>
        {
            Assert.That(t.Rays!.Complete, Is.False);
            Assert.That(t.Stage, Is.EqualTo(ILrgPlusStage.Start), "stages 1–2 assume a flat softmax");
            Assert.That(t.Restoration.Counts, Is.EqualTo(new ILrgRestorer().Restore(obs).Counts));
        });
    }

    [Test]
    public void Trace_ConfidentBatchWithoutPrivateUnits_JudgesTheRegimeByPHatAndKeepsIlrg()
    {
        int[] labels = [2, 5, 5, 7];
        var obs = ConfidentBatch.Of(labels, 8, withPrivateUnits: 0);

        ILrgPlusTrace t = new ILrgPlusRestorer(new ILrgPlusOptions(MaxGreedyRays: 0)).Trace(obs);

        Assert.Multiple(() =>
        {
            Assert.That(t.Rays?.Pure ?? 0, Is.Zero);
            Assert.That(t.Flatness, Is.LessThan(0.8), "a peaked p̂");
            Assert.That(t.Stage, Is.EqualTo(ILrgPlusStage.Start));
        });
    }

    [Test]
    public void NormalisedPerplexity_UniformOneHotAndMissing_AreOneOneOverCAndNaN()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ILrgPlusRestorer.NormalisedPerplexity([0.25, 0.25, 0.25, 0.25]), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(ILrgPlusRestorer.NormalisedPerplexity([0, 1.0, 0, 0]), Is.EqualTo(0.25).Within(1e-12));
            Assert.That(ILrgPlusRestorer.NormalisedPerplexity(null), Is.NaN);
        });
    }

    [Test]
    public void Constructor_ZeroIterations_ThrowsNamingTheOption()
    {
        Assert.That(() => new ILrgPlusRestorer(new ILrgPlusOptions(Iterations: 0)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Iterations"));
    }

    [Test]
    public void Constructor_FlatnessGateAboveOne_ThrowsNamingTheOption()
    {
        Assert.That(() => new ILrgPlusRestorer(new ILrgPlusOptions(FlatnessGate: 1.5)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("FlatnessGate"));
    }

    [Test]
    public void Residual_CountsThatSynthesiseTheBiasGradient_IsZero()
    {
        int[] counts = [2, 0, 1];
        double[][] p = [[0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.1, 0.1, 0.8]];
        double[] gb = [(2 * 0.5 + 0.1 - 2) / 3, (2 * 0.3 + 0.1) / 3, (2 * 0.2 + 0.8 - 1) / 3];
        var obs = new LastLayerObservation(new double[3], new double[3], new double[3], gb, 3, 1, 3);

        Assert.Multiple(() =>
        {
            Assert.That(ILrgPlusRestorer.Residual(obs, p, counts), Is.EqualTo(0).Within(1e-12));
            Assert.That(ILrgPlusRestorer.Residual(obs, p, [3, 0, 0]), Is.GreaterThan(0.1));
        });
    }
}
