using ILrg.Restoration.Baselines;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Baselines;

public sealed class ClassWiseRuleTests
{
    // Row 0 sums to −0.5 with a negative entry; row 1 sums to +0.8 with a negative entry; row 2 is all positive.
    private static readonly double[,] Rows = { { -1.0, 0.5 }, { 1.0, -0.2 }, { 0.3, 0.4 } };

    [Test]
    public void Idlg_NegativeRowSum_MarksOnlyThatClassPresent()
    {
        var observation = ObservationBuilder.FromGradients(Rows, [0, 0, 0], 2);

        var result = new IdlgRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 1, 0, 0 }));
    }

    [Test]
    public void Gi_AnyNegativeEntry_MarksClassPresent()
    {
        var observation = ObservationBuilder.FromGradients(Rows, [0, 0, 0], 2);

        var result = new GiRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 1, 1, 0 }));
    }

    [Test]
    public void ClassWiseMethods_Result_IsNotInstanceWise()
    {
        var observation = ObservationBuilder.FromGradients(Rows, [0, 0, 0], 2);

        Assert.That(
            new[] { new IdlgRestorer().Restore(observation), new GiRestorer().Restore(observation) }
                .Select(r => r.IsInstanceWise),
            Is.All.False);
    }

    [Test]
    public void Svd_SingleSample_FindsOnlyItsClass()
    {
        // One sample of class 2: row c of g_W is (p_c − y_c)·h, so only row 2 points against the others (rank 1).
        double[] h = [1.0, 2.0, 0.5];
        double[] p = [0.1, 0.2, 0.3, 0.4];
        var gw = new double[4, 3];
        for (int c = 0; c < 4; c++)
        {
            for (int r = 0; r < 3; r++)
            {
                gw[c, r] = (p[c] - (c == 2 ? 1 : 0)) * h[r];
            }
        }

        var observation = ObservationBuilder.FromGradients(gw, [0.1, 0.2, -0.7, 0.4], 1);

        var result = new SvdRestorer(seed: 3).Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 0, 0, 1, 0 }));
    }

    [Test]
    public void Svd_ZeroGradient_FindsNoClass()
    {
        var observation = ObservationBuilder.FromGradients(new double[3, 2], [0, 0, 0], 4);

        var result = new SvdRestorer().Restore(observation);

        Assert.That(result.Counts, Is.EqualTo(new[] { 0, 0, 0 }));
    }

    [Test]
    public void Svd_FullRankBatch_FindsEveryPresentClass()
    {
        // With k = N the direction of any sample of class i is a feasible x (only column i is negative there), so no
        // present class can be missed. (Absent classes may be flagged too — RLG is not exact — so only presence is
        // checked.)
        var observation = ReluBatch(out int[] truth);

        var result = new SvdRestorer().Restore(observation);

        Assert.That(Enumerable.Range(0, truth.Length).Where(c => truth[c] > 0).Select(c => result.Counts[c]),
            Is.All.EqualTo(1));
    }

    internal static ILrg.Restoration.LastLayerObservation ReluBatch(out int[] truth)
    {
        // 5 classes, d = 6, non-negative embeddings, classes 1 (×2) and 3 (×1) present.
        var rng = new ILrg.Numerics.DeterministicRandom(11);
        var w = new double[5, 6];
        for (int i = 0; i < 5; i++)
        {
            for (int r = 0; r < 6; r++)
            {
                w[i, r] = rng.NextDouble() - 0.5;
            }
        }

        double[][] h = Enumerable.Range(0, 3)
            .Select(_ => Enumerable.Range(0, 6).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        truth = [0, 2, 0, 1, 0];
        return ObservationBuilder.FromBatch(w, new double[5], h, [1, 3, 1]);
    }
}
