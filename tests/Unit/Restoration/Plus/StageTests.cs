using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Restoration.Plus;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Plus;

public sealed class StageTests
{
    [Test]
    public void MeanEmbedding_BatchSharingOneEmbedding_RecoversItAndTheCounts()
    {
        int[] counts = [2, 5, 0, 3];
        LastLayerObservation obs = ObservationBuilder.SharedEmbedding(counts, 7, seed: 21);
        double[] h = Enumerable.Range(0, 4).Select(i => obs.WeightGradient[i * 7] / obs.BiasGradient[i]).ToArray();

        MeanEmbeddingEstimate e = MeanEmbeddingEstimator.Estimate(obs, new double[4], new ILrgPlusOptions(), true)!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Embedding[0], Is.EqualTo(h[0]).Within(1e-9));
            Assert.That(e.Counts, Is.EqualTo(counts.Select(k => (double)k)).Within(1e-9));
            Assert.That(e.Probabilities.Sum(), Is.EqualTo(1.0).Within(1e-12));
        });
    }

    [Test]
    public void MeanEmbedding_ZeroBiasGradient_ReturnsNull()
    {
        var obs = new LastLayerObservation(new double[4], new double[2], [1, 2, -1, -2], new double[2], 2, 2, 3);

        Assert.That(MeanEmbeddingEstimator.Estimate(obs, new double[2], new ILrgPlusOptions(), true), Is.Null);
    }

    [Test]
    public void MeanEmbedding_NonNegative_KeepsTheEmbeddingAtOrAboveZero()
    {
        // Every class present, sparse embeddings: the unbounded weighted mean dips below zero on some units.
        var rng = new DeterministicRandom(3);
        int c = 10, d = 30, n = 80;
        int[] labels = Enumerable.Range(0, n).Select(i => i % c).ToArray();
        double[][] embeddings = labels
            .Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble() < 0.5 ? 0 : rng.NextDouble()).ToArray())
            .ToArray();
        LastLayerObservation obs = ObservationBuilder.FromSamples(
            ObservationBuilder.Uniform(rng, c * d, 0.1), ObservationBuilder.Uniform(rng, c, 0.1), c, d, embeddings,
            labels);
        double[] start = Enumerable.Repeat((double)n / c, c).ToArray();

        MeanEmbeddingEstimate free = MeanEmbeddingEstimator.Estimate(obs, start, new ILrgPlusOptions(), false)!;
        MeanEmbeddingEstimate bounded = MeanEmbeddingEstimator.Estimate(obs, start, new ILrgPlusOptions(), true)!;

        Assert.Multiple(() =>
        {
            Assert.That(free.Embedding.Min(), Is.LessThan(0), "the example must exercise the bound");
            Assert.That(bounded.Embedding, Is.All.GreaterThanOrEqualTo(0.0));
            Assert.That(bounded.BoundedEntries, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Unmixing_EveryClassPresent_ReturnsNull()
    {
        LastLayerObservation obs = ObservationBuilder.SharedEmbedding([1, 2, 3], 4, seed: 1);

        Assert.That(ClassUnmixing.Refine(obs, [1, 2, 3], [0.3, 0.3, 0.4], new ILrgPlusOptions()), Is.Null);
    }

    [Test]
    public void Unmixing_ClassesSharingTheirEmbedding_RecoversTheCountsFromACrudeStart()
    {
        int[] counts = [3, 0, 1, 4, 0];
        var rng = new DeterministicRandom(17);
        double[][] classEmbedding =
            Enumerable.Range(0, 5).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        int[] labels = counts.SelectMany((k, j) => Enumerable.Repeat(j, k)).ToArray();
        LastLayerObservation obs = ObservationBuilder.FromSamples(
            ObservationBuilder.Uniform(rng, 10, 0.1), ObservationBuilder.Uniform(rng, 5, 0.1), 5, 2,
            labels.Select(j => classEmbedding[j]).ToArray(), labels);
        double[] uniform = Enumerable.Repeat(0.2, 5).ToArray();

        var refined = ClassUnmixing.Refine(obs, [2.6, 0, 1.4, 3.7, 0.2], uniform, new ILrgPlusOptions())!;

        Assert.That(refined.Value.Counts, Is.EqualTo(counts.Select(k => (double)k)).Within(1e-6));
    }

    [Test]
    public void SignTest_IdleUnit_LooksNonNegative()
    {
        // Unit 1 is zero for every sample: an all-zero column.
        var obs = ObservationBuilder.FromGradients(new double[,] { { -0.2, 0 }, { 0.2, 0 } }, [-0.1, 0.1], 2);

        Assert.That(EmbeddingSignTest.LooksNonNegative(obs), Is.True);
    }

    [Test]
    public void SignTest_RowOfOnlyNonNegativeEntries_LooksNonNegative()
    {
        var obs = ObservationBuilder.FromGradients(
            new double[,] { { -0.2, 0.1 }, { 0.2, 0.3 }, { 0.0, -0.4 } }, [0, 0, 0], 2);

        Assert.That(EmbeddingSignTest.LooksNonNegative(obs), Is.True);
    }

    [Test]
    public void SignTest_EveryRowMixedAndNoIdleUnit_LooksSigned()
    {
        var obs = ObservationBuilder.FromGradients(new double[,] { { -0.2, 0.1 }, { 0.2, -0.1 } }, [0, 0], 2);

        Assert.That(EmbeddingSignTest.LooksNonNegative(obs), Is.False);
    }
}
