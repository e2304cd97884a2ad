using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Data;

public sealed class BatchSamplerTests
{
    private static readonly SyntheticDataset Data = new("test", new ImageShape(1, 4, 4), 100, 5_000, 1,
        Normalisation.Mnist);
    private static readonly BatchSampler Sampler = new(Data);

    [Test]
    public void Sample_SameSeed_SameBatch()
    {
        var a = Sampler.Sample(24, BatchDistribution.Random, 7);
        var b = Sampler.Sample(24, BatchDistribution.Random, 7);

        Assert.That(a.Indices, Is.EqualTo(b.Indices));
    }

    [Test]
    public void Sample_OtherSeed_OtherBatch()
    {
        Assert.That(Sampler.Sample(24, BatchDistribution.Random, 7).Indices,
            Is.Not.EqualTo(Sampler.Sample(24, BatchDistribution.Random, 8).Indices));
    }

    [Test]
    public void Sample_Random_GivesDistinctIndices()
    {
        var batch = Sampler.Sample(500, BatchDistribution.Random, 3);

        Assert.That(batch.Indices, Is.Unique);
    }

    [Test]
    public void Sample_Balanced_GivesNOverMEach()
    {
        var batch = Sampler.Sample(24, BatchDistribution.Balanced, 3, classesInBatch: 6);

        Assert.That(batch.Counts().Where(c => c > 0), Is.EqualTo(Enumerable.Repeat(4, 6)));
    }

    [Test]
    public void Sample_Random2_GivesMPositivePartsSummingToN()
    {
        var counts = Sampler.Sample(30, BatchDistribution.Random2, 5, classesInBatch: 4).Counts();

        Assert.Multiple(() =>
        {
            Assert.That(counts.Count(c => c > 0), Is.EqualTo(4));
            Assert.That(counts.Sum(), Is.EqualTo(30));
        });
    }

    [Test]
    public void Sample_CustomImbalanced_UsesClasses0_18_92()
    {
        var counts = Sampler.Sample(24, BatchDistribution.CustomImbalanced, 5).Counts();

        Assert.Multiple(() =>
        {
            Assert.That(counts[0], Is.EqualTo(1));
            Assert.That(counts[18], Is.EqualTo(22));
            Assert.That(counts[92], Is.EqualTo(1));
            Assert.That(counts.Sum(), Is.EqualTo(24));
        });
    }

    [Test]
    public void Sample_Extreme_UsesOneClass()
    {
        Assert.That(Sampler.Sample(24, BatchDistribution.Extreme, 5).Counts().Count(c => c > 0), Is.EqualTo(1));
    }

    [Test]
    public void Sample_Unique_GivesNDistinctClasses()
    {
        var counts = Sampler.Sample(24, BatchDistribution.Unique, 5).Counts();

        Assert.That(counts.Count(c => c == 1), Is.EqualTo(24));
    }

    [Test]
    public void Sample_UniqueWithMoreThanCClasses_Throws()
    {
        Assert.That(() => Sampler.Sample(101, BatchDistribution.Unique, 5), Throws.ArgumentException);
    }

    [Test]
    public void Sample_BatchSizeZero_Throws()
    {
        Assert.That(() => Sampler.Sample(0, BatchDistribution.Random, 5),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("batch size"));
    }

    [Test]
    public void Sample_LargerThanDataset_ThrowsWithSizes()
    {
        Assert.That(() => Sampler.Sample(5_001, BatchDistribution.Random, 5),
            Throws.ArgumentException.With.Message.Contains("5001").And.Message.Contains("5000"));
    }

    [Test]
    public void Sample_CustomImbalancedWithTenClasses_Throws()
    {
        var small = new BatchSampler(new SyntheticDataset("s", new ImageShape(1, 2, 2), 10, 100, 1,
            Normalisation.Mnist));

        Assert.That(() => small.Sample(24, BatchDistribution.CustomImbalanced, 1),
            Throws.ArgumentException.With.Message.Contains("C ≥ 93"));
    }

    [Test]
    public void Images_ChunkOfBatch_HasShapeAndMatchesDataset()
    {
        var batch = Sampler.Sample(5, BatchDistribution.Random, 2);
        var expected = new float[16];
        Data.ReadImage(batch.Indices[3], expected);

        using var chunk = batch.Images(2, 3);

        Assert.Multiple(() =>
        {
            Assert.That(chunk.shape, Is.EqualTo(new long[] { 3, 1, 4, 4 }));
            Assert.That(chunk[1].flatten().data<float>().ToArray(), Is.EqualTo(expected));
        });
    }
}
