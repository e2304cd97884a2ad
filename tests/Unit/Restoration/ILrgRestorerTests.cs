using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration;

public sealed class ILrgRestorerTests
{
    [Test]
    public void Restore_BatchSharingOneEmbedding_RecoversTrueCounts()
    {
        // SPEC §2 exactness (b): every sample has the same embedding h, so ê_i = h and P_i is the true probability.
        int[] counts = [3, 0, 5, 1];
        var obs = ObservationBuilder.SharedEmbedding(counts, embeddingSize: 6, seed: 11);

        LabelRestoration r = new ILrgRestorer().Restore(obs);

        Assert.Multiple(() =>
        {
            Assert.That(r.Counts, Is.EqualTo(counts));
            Assert.That(r.CorrectedCounts, Is.EqualTo(counts));
            Assert.That(r.IsInstanceWise, Is.True);
            Assert.That(r.Diagnostics!.Rank, Is.EqualTo(4));
            Assert.That(r.Diagnostics.RelativeGradientResidual, Is.LessThan(1e-5));
        });
    }

    [Test]
    public void Restore_SolutionAndDiagnostics_AreReported()
    {
        var obs = ObservationBuilder.SharedEmbedding([2, 2, 0], embeddingSize: 4, seed: 3);

        RestorationDiagnostics d = new ILrgRestorer().Restore(obs).Diagnostics!;

        Assert.Multiple(() =>
        {
            Assert.That(d.Solution, Has.Length.EqualTo(3));
            Assert.That(d.Solution[0], Is.EqualTo(2.0).Within(1e-4));
            Assert.That(d.ConditionNumber, Is.GreaterThanOrEqualTo(1.0));
            Assert.That(double.IsFinite(d.GradientResidual), Is.True);
        });
    }

    [Test]
    public void Restore_EstimateVariant_UsesUniformProbabilities()
    {
        // With P_i = 1/C for all i, the system gives k_i = N/C − N·g_b[i] exactly.
        int c = 4, n = 8;
        double[] gb = [0.25 - 3.0 / 8, 0.25 - 1.0 / 8, 0.25 - 4.0 / 8, 0.25 - 0.0];
        var obs = new LastLayerObservation(new double[c * 2], new double[c], new double[c * 2], gb, c, 2, n);

        LabelRestoration r = new ILrgRestorer(new ILrgOptions(ILrgVariant.Estimate)).Restore(obs);

        Assert.Multiple(() =>
        {
            Assert.That(r.Method, Is.EqualTo("ilrg-estimate"));
            Assert.That(r.Counts, Is.EqualTo(new[] { 3, 1, 4, 0 }));
        });
    }

    [Test]
    public void Restore_SimplifiedWithGivenClasses_SolvesOnlyThoseUnknowns()
    {
        int[] counts = [4, 0, 0, 2, 0];
        var obs = ObservationBuilder.SharedEmbedding(counts, embeddingSize: 5, seed: 5);

        LabelRestoration r = new ILrgRestorer(new ILrgOptions(ILrgVariant.Simplified,
            PresentClasses: [0, 3])).Restore(obs);

        Assert.Multiple(() =>
        {
            Assert.That(r.Counts, Is.EqualTo(counts));
            Assert.That(r.Diagnostics!.Rank, Is.EqualTo(2));
        });
    }

    [Test]
    public void Restore_SimplifiedWithoutGivenClasses_DecidesPresenceFromTheFullSolve()
    {
        int[] counts = [0, 5, 0, 3];
        var obs = ObservationBuilder.SharedEmbedding(counts, embeddingSize: 5, seed: 8);

        LabelRestoration r = new ILrgRestorer(new ILrgOptions(ILrgVariant.Simplified)).Restore(obs);

        Assert.That(r.Counts, Is.EqualTo(counts));
    }

    [Test]
    public void Restore_SimplifiedWithClassOutOfRange_Throws()
    {
        var obs = ObservationBuilder.SharedEmbedding([1, 1], embeddingSize: 3, seed: 1);

        Assert.That(
            () => new ILrgRestorer(new ILrgOptions(ILrgVariant.Simplified, PresentClasses: [0, 7])).Restore(obs),
            Throws.ArgumentException.With.Message.Contains("[0, 2)"));
    }

    [Test]
    public void Restore_ZeroBiasGradientRow_FollowsClippingAndStaysFinite()
    {
        // A class whose g_b is exactly 0 gets ê = m_W·1e10 (SPEC §2.1); the solve must still finish with finite
        // numbers.
        var obs = ObservationBuilder.SharedEmbedding([2, 1, 3], embeddingSize: 4, seed: 2);
        double[] gb = obs.BiasGradient.ToArray();
        gb[1] = 0.0;
        var zeroed = obs.WithGradients(obs.WeightGradient, gb);

        LabelRestoration r = new ILrgRestorer().Restore(zeroed);

        Assert.Multiple(() =>
        {
            Assert.That(r.Diagnostics!.Solution.All(double.IsFinite), Is.True);
            Assert.That(r.Counts.All(v => v >= 0 && v <= 6), Is.True);
            Assert.That(r.CorrectedCounts.Sum(), Is.EqualTo(6));
        });
    }

    [Test]
    public void Constructor_NonPositiveAlpha_Throws()
    {
        Assert.That(() => new ILrgRestorer(new ILrgOptions(Alpha: 0)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Alpha_ScalesTheSoftmax_AndAlphaOneMatchesDefault()
    {
        var obs = ObservationBuilder.SharedEmbedding([1, 2, 3], embeddingSize: 4, seed: 9);

        var a = new ILrgRestorer().Restore(obs).Diagnostics!.Solution;
        var b = new ILrgRestorer(new ILrgOptions(Alpha: 1.0)).Restore(obs).Diagnostics!.Solution;
        var c = new ILrgRestorer(new ILrgOptions(Alpha: 3.0)).Restore(obs).Diagnostics!.Solution;

        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(a));
            Assert.That(c, Is.Not.EqualTo(a));
        });
    }
}
