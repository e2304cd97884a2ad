using ILrg.Restoration;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Baselines;

public sealed class ILrgSystemTests
{
    [Test]
    public void Build_FirstRow_IsAllOnesWithRightHandSideN()
    {
        var (observation, _, _) = GreedyCountTests.SharedEmbedding();

        var system = ILrgSystem.Build(observation, new ILrgOptions());

        Assert.Multiple(() =>
        {
            Assert.That(system.Matrix[..system.Unknowns.Length].ToArray(), Is.All.EqualTo(1.0));
            Assert.That(system.Rhs[0], Is.EqualTo(observation.BatchSize));
        });
    }

    [Test]
    public void Build_GradientRows_EachColumnSumsToZero()
    {
        // Σ_i (P_j[i] − δ_ij) = 1 − 1 for every column j: the dependence that makes the ones row necessary (SPEC §2.3).
        var (observation, _, _) = GreedyCountTests.SharedEmbedding();

        var system = ILrgSystem.Build(observation, new ILrgOptions());

        int c = system.Classes;
        double[] g = system.GradientRows.ToArray();
        var sums = Enumerable.Range(0, c).Select(j => Enumerable.Range(0, c).Sum(i => g[i * c + j]));
        Assert.That(sums, Is.All.EqualTo(0.0).Within(1e-12));
    }

    [Test]
    public void ILrgRestorer_SharedEmbedding_RestoresExactCountsThroughTheSharedSystem()
    {
        var (observation, _, truth) = GreedyCountTests.SharedEmbedding();

        var result = new ILrgRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(truth));
    }

    [Test]
    public void Build_SimplifiedWithGivenClasses_HasOnlyThoseUnknowns()
    {
        var (observation, _, _) = GreedyCountTests.SharedEmbedding();

        var system = ILrgSystem.Build(observation, new ILrgOptions(ILrgVariant.Simplified, PresentClasses: [3, 0]));

        Assert.That(system.Unknowns.ToArray(), Is.EqualTo(new[] { 0, 3 }));
    }
}
