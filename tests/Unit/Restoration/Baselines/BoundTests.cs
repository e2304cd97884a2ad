using ILrg.Restoration.Baselines;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Baselines;

public sealed class BoundTests
{
    [Test]
    public void Oracle_MatchingObservation_ReturnsTheTruthItWasGiven()
    {
        var observation = ObservationBuilder.FromGradients(new double[3, 2], [0, 0, 0], 5);

        var result = new OracleRestorer([2, 0, 3]).Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 2, 0, 3 }));
    }

    [Test]
    public void Oracle_TruthOfAnotherBatchSize_Throws()
    {
        var observation = ObservationBuilder.FromGradients(new double[3, 2], [0, 0, 0], 4);

        Assert.That(() => new OracleRestorer([2, 0, 3]).Restore(observation), Throws.ArgumentException);
    }

    [Test]
    public void Random_AnyObservation_CountsSumToN()
    {
        var observation = ObservationBuilder.FromGradients(new double[7, 2], new double[7], 40);

        var result = new UniformRandomRestorer(5).Restore(observation);

        Assert.That(result.Counts.Sum(), Is.EqualTo(40));
    }

    [Test]
    public void Random_DifferentSeeds_GiveDifferentGuesses()
    {
        var observation = ObservationBuilder.FromGradients(new double[7, 2], new double[7], 40);

        var a = new UniformRandomRestorer(1).Restore(observation);
        var b = new UniformRandomRestorer(2).Restore(observation);

        Assert.That(a.Counts, Is.Not.EqualTo(b.Counts));
    }
}
