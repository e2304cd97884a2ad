using ILrg.Claims;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Claims;

/// <summary>A claim is judged from exactly one record per trial of its plan.</summary>
public sealed class ClaimJudgeTests
{
    private static readonly ClaimPlan Plan = new(
        "c", "title", "quick", "synthetic", true, 10, 4, 0, Runs: 2, TrialsPerRun: 2, WholeRuns: false,
        [ClaimCheck.Figure("ilrg", "leAcc", 0.8, CheckSide.TwoSided)], 1);

    private static TrialRecord Record(int run, int trial, double leAcc) =>
        new("c", run, trial, (ulong)run, new Dictionary<string, double> { ["ilrg:leAcc"] = leAcc });

    [Test]
    public void Judge_AllTrials_RunMeansAreMeansOverEachRunsTrials()
    {
        ClaimOutcome o = ClaimJudge.Judge(
            Plan, [Record(0, 0, 0.6), Record(1, 1, 1.0), Record(0, 1, 0.8), Record(1, 0, 0.8)]);

        Assert.That(o.Checks[0].Spread!.RunMeans, Is.EqualTo(new[] { 0.7, 0.9 }).Within(1e-12));
    }

    [Test]
    public void Judge_MissingTrial_NamesTheRunAndTrial()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            ClaimJudge.Judge(Plan, [Record(0, 0, 1), Record(0, 1, 1), Record(1, 0, 1)]));

        Assert.That(e!.Message, Does.Contain("run 1 trial 1").And.Contain("missing"));
    }

    [Test]
    public void Judge_TrialTwice_SaysOverlapping()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            ClaimJudge.Judge(
                Plan, [Record(0, 0, 1), Record(0, 0, 1), Record(0, 1, 1), Record(1, 0, 1), Record(1, 1, 1)]));

        Assert.That(e!.Message, Does.Contain("twice"));
    }

    [Test]
    public void Judge_TrialOutsideThePlan_Throws()
    {
        Assert.Throws<InvalidDataException>(() => ClaimJudge.Judge(Plan, [Record(2, 0, 1)]));
    }

    [Test]
    public void Judge_RecordWithoutTheCheckedFigure_NamesIt()
    {
        var bare = new TrialRecord("c", 0, 0, 0, new Dictionary<string, double>());
        var e = Assert.Throws<InvalidDataException>(() =>
            ClaimJudge.Judge(Plan, [bare, Record(0, 1, 1), Record(1, 0, 1), Record(1, 1, 1)]));

        Assert.That(e!.Message, Does.Contain("ilrg:leAcc"));
    }

    [Test]
    public void TrialsOf_WholeRunUnit_IsEveryTrialOfTheRun()
    {
        ClaimPlan whole = Plan with { WholeRuns = true };

        Assert.Multiple(() =>
        {
            Assert.That(whole.Units, Is.EqualTo(2));
            Assert.That(whole.TrialsOf(1), Is.EqualTo(new[] { (1, 0), (1, 1) }));
            Assert.That(Plan.Units, Is.EqualTo(4));
            Assert.That(Plan.TrialsOf(3), Is.EqualTo(new[] { (1, 1) }));
        });
    }
}
