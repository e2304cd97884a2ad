using ILrg.Restoration;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Baselines;

public sealed class IntegerILrgRestorerTests
{
    [Test]
    public void Restore_SharedEmbedding_RestoresExactCounts()
    {
        // SPEC §2 exactness (b): with one embedding for the whole batch the iLRG system is exact.
        var (observation, _, truth) = GreedyCountTests.SharedEmbedding();

        var result = new IntegerILrgRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(truth));
    }

    [Test]
    public void Restore_DistinctEmbeddings_CountsAreNonNegativeAndSumToN()
    {
        var observation = ClassWiseRuleTests.ReluBatch(out _);

        var result = new IntegerILrgRestorer().Restore(observation);

        Assert.Multiple(() =>
        {
            Assert.That(result.Counts, Is.All.GreaterThanOrEqualTo(0));
            Assert.That(result.Counts.Sum(), Is.EqualTo(observation.BatchSize));
        });
    }

    [Test]
    public void Restore_ResidualIsNoWorseThanPinvRoundedAndCorrected()
    {
        var observation = ClassWiseRuleTests.ReluBatch(out _);
        var system = ILrgSystem.Build(observation, new ILrgOptions());
        double L1(IEnumerable<int> counts) =>
            system.GradientResidual(counts.Select(v => (double)v).ToArray(), observation.BiasGradient).Sum(Math.Abs);

        double mip = L1(new IntegerILrgRestorer().Restore(observation).Counts);
        double pinv = L1(new ILrgRestorer().Restore(observation).CorrectedCounts);

        Assert.That(mip, Is.LessThanOrEqualTo(pinv + 1e-9));
    }

    [Test]
    public void Constructor_NonPositiveTimeLimit_Throws()
    {
        Assert.That(() => new IntegerILrgRestorer(timeLimit: TimeSpan.Zero),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
