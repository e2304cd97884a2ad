using ILrg.Restoration.Plus;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Plus;

public sealed class RayDecompositionTests
{
    [Test]
    public void Decompose_ConfidentSeparableBatch_FindsOneRayPerSampleWithItsLabel()
    {
        int[] labels = [3, 7, 7, 0, 9, 3, 5];

        SampleRays rays = RayDecomposition.Decompose(ConfidentBatch.Of(labels, 5), maxGreedyRays: 16)!;

        Assert.Multiple(() =>
        {
            Assert.That(rays.Complete, Is.True);
            Assert.That(rays.Pure, Is.EqualTo(labels.Length), "every sample has private units");
            Assert.That(rays.Labels.Order(), Is.EqualTo(labels.Order()));
            Assert.That(rays.Flatness, Is.LessThan(0.8), "a confident model leaks unevenly");
        });
    }

    [Test]
    public void LabelOf_RayWithOneNegativeEntry_IsThatEntry()
    {
        Assert.That(RayDecomposition.LabelOf([0.2, 0.1, -0.5, 0.2]), Is.EqualTo(2));
    }

    [Test]
    public void LabelOf_RayWhoseLabelEntryRoundedToZero_IsTheZeroEntry()
    {
        // float32 turns p[y] − 1 into 0 for a sample with 1 − p[y] below 6e−8; the leak entries stay positive.
        Assert.That(RayDecomposition.LabelOf([3e-9, 0.0, 1e-8, 4e-9]), Is.EqualTo(1));
    }

    [Test]
    public void Flatness_EvenLeak_IsOne()
    {
        Assert.That(RayDecomposition.Flatness([0.1, 0.1, -0.3, 0.1]), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Flatness_LeakIntoOneClass_IsOneOverCMinusOne()
    {
        Assert.That(RayDecomposition.Flatness([0.0, 0.4, -0.4, 0.0, 0.0]), Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void Decompose_AllZeroGradient_ReturnsNull()
    {
        var obs = new ILrg.Restoration.LastLayerObservation(
            new double[6], new double[3], new double[6], new double[3], 3, 2, 2);

        Assert.That(RayDecomposition.Decompose(obs, 4), Is.Null);
    }
}
