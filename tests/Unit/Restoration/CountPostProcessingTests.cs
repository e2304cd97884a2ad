using ILrg.Restoration;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration;

public sealed class CountPostProcessingTests
{
    [Test]
    public void Res_NegativeValues_BecomeZero()
    {
        Assert.That(CountPostProcessing.Res([-3.2, -0.6, 2.0], 5), Is.EqualTo(new[] { 0, 0, 2 }));
    }

    [Test]
    public void Res_Halves_RoundToEven()
    {
        Assert.That(CountPostProcessing.Res([0.5, 1.5, 2.5, 3.5, 2.4999], 10), Is.EqualTo(new[] { 0, 2, 2, 4, 2 }));
    }

    [Test]
    public void Res_CountAboveN_IsSetToZeroNotClipped()
    {
        Assert.That(CountPostProcessing.Res([8.0, 12.7, 3.0], 10), Is.EqualTo(new[] { 8, 0, 3 }));
    }

    [Test]
    public void Res_ExactlyN_IsKept()
    {
        Assert.That(CountPostProcessing.Res([10.4, 0.0], 10), Is.EqualTo(new[] { 10, 0 }));
    }

    [Test]
    public void CorrectedCounts_Deficit_FilledByLargestRoundingDownError()
    {
        double[] x = [2.4, 1.45, 0.2, 3.3];
        var res = CountPostProcessing.Res(x, 9); // 2, 1, 0, 3 → sum 6, deficit 3

        var mod = CountPostProcessing.CorrectedCounts(x, res, 9);

        // errors: 0.4, 0.45, 0.2, 0.3 → +1 to class 1 (0.45), then class 0 (0.4), then class 3 (0.3).
        Assert.That(mod, Is.EqualTo(new[] { 3, 2, 0, 4 }));
    }

    [Test]
    public void CorrectedCounts_Surplus_RemovedFromLargestRoundingUpErrorAndNeverNegative()
    {
        double[] x = [2.6, 0.0, 1.5, 3.51];
        var res = CountPostProcessing.Res(x, 6); // 3, 0, 2, 4 → sum 9, surplus 3

        var mod = CountPostProcessing.CorrectedCounts(x, res, 6);

        Assert.Multiple(() =>
        {
            Assert.That(mod.Sum(), Is.EqualTo(6));
            Assert.That(mod.All(v => v >= 0), Is.True);
            Assert.That(mod[1], Is.EqualTo(0), "a zero class is never pushed to −1 (the reference's bug)");
            Assert.That(mod, Is.EqualTo(new[] { 2, 0, 1, 3 }));
        });
    }

    [Test]
    public void CorrectedCounts_AllZero_DistributesNByTarget()
    {
        double[] x = [-1.0, -2.0, 0.3];
        var res = CountPostProcessing.Res(x, 4);

        var mod = CountPostProcessing.CorrectedCounts(x, res, 4);

        Assert.Multiple(() =>
        {
            Assert.That(mod.Sum(), Is.EqualTo(4));
            Assert.That(mod.All(v => v >= 0), Is.True);
        });
    }

    [Test]
    public void CorrectedCounts_ClassZeroedForExceedingN_GetsNoPriority()
    {
        double[] x = [1e9, 1.4, 0.6];
        var res = CountPostProcessing.Res(x, 3); // 0, 1, 1 → deficit 1

        var mod = CountPostProcessing.CorrectedCounts(x, res, 3);

        Assert.That(mod, Is.EqualTo(new[] { 0, 2, 1 }));
    }

    [Test]
    public void CorrectedCounts_AlreadyN_Unchanged()
    {
        double[] x = [1.1, 2.9];
        var res = CountPostProcessing.Res(x, 4);

        Assert.That(CountPostProcessing.CorrectedCounts(x, res, 4), Is.EqualTo(res));
    }
}
