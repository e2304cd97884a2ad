using ILrg.Metrics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Metrics;

public sealed class LabelMetricsTests
{
    [Test]
    public void Score_ExactCounts_AllOne()
    {
        var s = LabelMetrics.Score([2, 0, 3], [2, 0, 3]);

        Assert.Multiple(() =>
        {
            Assert.That(s.LeAcc, Is.EqualTo(1.0));
            Assert.That(s.LnAcc, Is.EqualTo(1.0));
            Assert.That(s.IRec, Is.EqualTo(1.0));
            Assert.That(s.ExactBatch, Is.True);
            Assert.That(s.CountMae, Is.EqualTo(0.0));
            Assert.That(s.PresentLnAcc, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Score_HandWorkedExample_MatchesSpecDefinitions()
    {
        // truth (N=6): [3, 0, 2, 1, 0]; restored: [2, 1, 2, 0, 0]
        // LeAcc: present agrees on classes 0, 2, 4 → 3/5; LnAcc: equal on 2 and 4 → 2/5;
        // IRec: (min(2,3) + min(2,2) + min(0,1)) / 6 = 4/6; MAE: (1+1+0+1+0)/5; present LnAcc: 1/3.
        var s = LabelMetrics.Score([3, 0, 2, 1, 0], [2, 1, 2, 0, 0]);

        Assert.Multiple(() =>
        {
            Assert.That(s.LeAcc, Is.EqualTo(0.6).Within(1e-12));
            Assert.That(s.LnAcc, Is.EqualTo(0.4).Within(1e-12));
            Assert.That(s.IRec, Is.EqualTo(4.0 / 6).Within(1e-12));
            Assert.That(s.ExactBatch, Is.False);
            Assert.That(s.CountMae, Is.EqualTo(0.6).Within(1e-12));
            Assert.That(s.PresentLnAcc, Is.EqualTo(1.0 / 3).Within(1e-12));
        });
    }

    [Test]
    public void Score_OverCountingDoesNotRaiseIRec()
    {
        Assert.That(LabelMetrics.Score([1, 1], [5, 5]).IRec, Is.EqualTo(1.0));
    }

    [Test]
    public void Score_LengthMismatch_Throws()
    {
        Assert.That(() => LabelMetrics.Score([1, 2], [1, 2, 0]),
            Throws.ArgumentException.With.Message.Contains("2 classes"));
    }

    [Test]
    public void Score_EmptyTruth_Throws()
    {
        Assert.That(() => LabelMetrics.Score([0, 0], [0, 0]),
            Throws.ArgumentException.With.Message.Contains("N must be"));
    }

    [Test]
    public void Score_NegativeCount_Throws()
    {
        Assert.That(() => LabelMetrics.Score([1, 0], [1, -1]), Throws.ArgumentException);
    }

    [Test]
    public void Summary_MeansOverTrials()
    {
        var a = LabelMetrics.Score([1, 1], [1, 1]);
        var b = LabelMetrics.Score([2, 0], [1, 1]);

        var s = LabelSummary.Of([a, b]);

        Assert.Multiple(() =>
        {
            Assert.That(s.Trials, Is.EqualTo(2));
            Assert.That(s.LnAcc, Is.EqualTo(0.5));
            Assert.That(s.ExactBatchRate, Is.EqualTo(0.5));
            Assert.That(s.LeAccCi.Low, Is.LessThanOrEqualTo(s.LeAcc));
            Assert.That(s.LeAccCi.High, Is.GreaterThanOrEqualTo(s.LeAcc));
        });
    }

    [Test]
    public void Wilson_FiftyOfFifty_HasKnownLowerBound()
    {
        // Wilson 95% for 50/50: lower = n/(n+z²) = 50/53.8415 = 0.92865.
        Assert.That(Interval.Wilson(50, 50).Low, Is.EqualTo(0.92865).Within(1e-4));
    }
}
