using ILrg.Data;
using ILrg.Numerics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Data;

/// <summary>Dirichlet(α) non-IID client batches (issue 11).</summary>
public sealed class DirichletBatchTests
{
    private static readonly SyntheticDataset Data = new("dir", new ImageShape(1, 4, 4), 10, 2_000, 3,
        Normalisation.Mnist);

    [Test]
    public void SampleDirichlet_AnyAlpha_HasNDistinctImagesWithTheirLabels()
    {
        Batch batch = new BatchSampler(Data).SampleDirichlet(40, 0.5, 4);

        Assert.Multiple(() =>
        {
            Assert.That(batch.Size, Is.EqualTo(40));
            Assert.That(batch.Indices.Distinct().Count(), Is.EqualTo(40));
            Assert.That(batch.Labels, Is.EqualTo(batch.Indices.Select(Data.LabelOf)));
        });
    }

    [Test]
    public void SampleDirichlet_SameSeed_GivesTheSameBatch()
    {
        var sampler = new BatchSampler(Data);

        Assert.That(sampler.SampleDirichlet(24, 0.05, 9).Indices, Is.EqualTo(sampler.SampleDirichlet(24, 0.05,
            9).Indices));
    }

    [Test]
    public void SampleDirichlet_SmallAlpha_ConcentratesOnFewerClassesThanLargeAlpha()
    {
        var sampler = new BatchSampler(Data);
        double Classes(double alpha) =>
            Enumerable.Range(0, 100).Average(s => sampler.SampleDirichlet(40, alpha,
                (ulong)s).Counts().Count(c => c > 0));

        double concentrated = Classes(0.05), spread = Classes(100);
        Assert.Multiple(() =>
        {
            Assert.That(concentrated, Is.LessThan(2.5), "α = 0.05: mostly one or two classes");
            Assert.That(spread, Is.GreaterThan(9.0), "α = 100: nearly IID over 10 classes");
        });
    }

    [Test]
    public void NextGamma_ShapesAboveAndBelowOne_HaveTheirMeans()
    {
        var rng = new DeterministicRandom(1);
        double large = Enumerable.Range(0, 20_000).Average(_ => rng.NextGamma(3.0));
        double small = Enumerable.Range(0, 20_000).Average(_ => rng.NextGamma(0.3));

        Assert.Multiple(() =>
        {
            Assert.That(large, Is.EqualTo(3.0).Within(0.06), "Gamma(3) mean 3, sd of the mean 0.012");
            Assert.That(small, Is.EqualTo(0.3).Within(0.02), "Gamma(0.3) mean 0.3, sd of the mean 0.004");
        });
    }
}
