using ILrg.Numerics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Numerics;

public sealed class SeedStreamsTests
{
    [Test]
    public void ForTrial_Always_IsTheDerivationGoldensDependOn()
    {
        // The golden counts were produced with Derive(seed, 1, t) for batches and Derive(seed, 2, t) for models.
        Assert.Multiple(() =>
        {
            Assert.That(SeedStreams.ForTrial(3, SeedPurpose.Batch, 5), Is.EqualTo(DeterministicRandom.Derive(3, 1, 5)));
            Assert.That(SeedStreams.ForTrial(3, SeedPurpose.Model, 5), Is.EqualTo(DeterministicRandom.Derive(3, 2, 5)));
        });
    }

    [Test]
    public void ForTrial_EveryPurposeAndTrial_GivesDistinctSeeds()
    {
        var seeds = Enum.GetValues<SeedPurpose>()
            .SelectMany(p => Enumerable.Range(0, 50).Select(t => SeedStreams.ForTrial(0, p, t)))
            .ToList();

        Assert.That(seeds, Is.Unique);
    }

    [Test]
    public void ForTrial_ExtraLabel_RefinesTheSeed()
    {
        Assert.That(
            SeedStreams.ForTrial(0, SeedPurpose.LabelErrors, 0, 1),
            Is.Not.EqualTo(SeedStreams.ForTrial(0, SeedPurpose.LabelErrors, 0, 2)));
    }

    [Test]
    public void ForTrial_NegativeTrial_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedStreams.ForTrial(0, SeedPurpose.Batch, -1));
    }
}
