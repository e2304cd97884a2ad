using ILrg.Claims;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Claims;

/// <summary>How a paper figure is judged against ILrg's run means (docs/claims-statistics.md).</summary>
public sealed class ClaimCheckTests
{
    // Run means 0.90 … 0.98: PI (t, K=5) = [0.8438, 1.0] clipped; no resolution (decisions 0).
    private static readonly double[] Runs = [0.90, 0.92, 0.94, 0.96, 0.98];

    private static readonly KnownDiscrepancy Known = new("below paper", "measured");

    [TestCase(0.95, CheckSide.TwoSided, "consistent", true)]
    [TestCase(0.80, CheckSide.AtLeast, "above paper", true)]
    [TestCase(0.80, CheckSide.TwoSided, "above paper", false)]
    [TestCase(0.80, CheckSide.AtMost, "above paper", false)]
    public void Judge_PaperFigure_VerdictBySide(double paper, CheckSide side, string verdict, bool passed)
    {
        CheckOutcome o = ClaimCheck.Figure("ilrg", "lnAcc", paper, side).Judge(Runs, 50);

        Assert.Multiple(() =>
        {
            Assert.That(o.Verdict, Is.EqualTo(verdict));
            Assert.That(o.Passed, Is.EqualTo(passed));
            Assert.That(o.Measured, Is.EqualTo(0.94).Within(1e-12));
            Assert.That(o.Spread!.Runs, Is.EqualTo(5));
        });
    }

    [TestCase(CheckSide.AtLeast, false)]
    [TestCase(CheckSide.AtMost, true)]
    public void Judge_PaperAboveEveryRun_IsBelowPaper(CheckSide side, bool passed)
    {
        CheckOutcome o = ClaimCheck.Figure("gi", "leAcc", 0.9, side).Judge([0.50, 0.51, 0.52], 50);

        Assert.Multiple(() =>
        {
            Assert.That(o.Verdict, Is.EqualTo("below paper"));
            Assert.That(o.Passed, Is.EqualTo(passed));
        });
    }

    [Test]
    public void Judge_PaperJustBeyondTheIntervalWithinRounding_IsConsistent()
    {
        // Identical runs at 0.5: PI [0.5, 0.5]; the paper's 0.5004 could be 0.4999…0.5009 before rounding.
        CheckOutcome o = ClaimCheck.Figure("ilrg", "lnAcc", 0.5004, CheckSide.TwoSided).Judge([0.5, 0.5, 0.5], 50);

        Assert.That(o.Verdict, Is.EqualTo("consistent"));
    }

    [Test]
    public void Judge_AllRunsPerfectAndPaperOneMissIn500_IsWithinTheBinomialResolution()
    {
        // Paper 0.998 over 50 trials × 10 classes; ILrg 1.000 in 5 × 20 × 10 decisions: t says [1, 1], the pooled
        // binomial resolution 1.96·√(p(1−p)(1/500 + 1/1000)), p pooled = 1499/1500, is 0.00277.
        CheckOutcome o = ClaimCheck.Figure("svd", "leAcc", 0.998, CheckSide.TwoSided).Judge([1, 1, 1, 1, 1], 20, 10);

        Assert.Multiple(() =>
        {
            Assert.That(o.Spread!.Resolution, Is.EqualTo(0.0027709).Within(1e-6));
            Assert.That(o.Verdict, Is.EqualTo("consistent"));
        });
    }

    [Test]
    public void Resolution_HalfOverEqualSamples_IsTheTwoProportionHalfWidth()
    {
        double r = ClaimCheck.Resolution(0.5, 0.5, decisionsPerTrial: 10, ilrgTrials: 50);

        Assert.That(r, Is.EqualTo(1.959964 * Math.Sqrt(0.25 * (2.0 / 500))).Within(1e-6));
    }

    [Test]
    public void Judge_KnownDiscrepancyStillThere_PassesButIsNotReproduced()
    {
        var check = ClaimCheck.Figure("ilrg", "lnAcc", 0.9) with { Known = Known };

        CheckOutcome o = check.Judge([0.50, 0.51, 0.52], 50);

        Assert.Multiple(() =>
        {
            Assert.That(o.Passed, Is.True);
            Assert.That(o.Reproduced, Is.False);
            Assert.That(o.KnownDiscrepancy, Is.EqualTo("measured"));
        });
    }

    [Test]
    public void Judge_KnownDiscrepancyGone_Fails()
    {
        var check = ClaimCheck.Figure("ilrg", "lnAcc", 0.51) with { Known = Known };

        CheckOutcome o = check.Judge([0.50, 0.51, 0.52], 50);

        Assert.Multiple(() =>
        {
            Assert.That(o.Verdict, Is.EqualTo("consistent"));
            Assert.That(o.Passed, Is.False, "a closed gap must be noticed and the record updated");
        });
    }

    [TestCase(5.2, true)]
    [TestCase(4.8, false)]
    public void Judge_FixedGate_ComparesTheMeanOverRuns(double mean, bool passed)
    {
        CheckOutcome o = ClaimCheck.Fixed("psnrGainDb", 5.0).Judge([mean], 1);

        Assert.Multiple(() =>
        {
            Assert.That(o.Passed, Is.EqualTo(passed));
            Assert.That(o.Gate, Is.EqualTo("≥ 5.000"));
            Assert.That(o.Spread, Is.Null, "one run has no spread");
        });
    }

    [Test]
    public void Judge_PaperFigureWithOneRun_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClaimCheck.Figure("ilrg", "lnAcc", 1.0).Judge([1.0], 50));
    }

    [Test]
    public void Passed_NotGatedFailure_DoesNotFailTheClaim()
    {
        var shown = new ClaimCheck("leAcc", 0.15, CheckSide.TwoSided, "idlg", NotGatedBecause: "other data");
        var outcome = new ClaimOutcome(
            "c", "t", "quick", "synthetic", true,
            [shown.Judge([0.9, 0.95, 0.97], 10), ClaimCheck.Figure("ilrg", "leAcc", 1.0).Judge([1, 1, 1], 10)], 0,
            null);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Checks[0].Passed, Is.False);
            Assert.That(outcome.Passed, Is.True);
        });
    }
}
