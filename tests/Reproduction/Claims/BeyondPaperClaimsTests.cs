using ILrg.Claims;
using ILrg.Data;
using ILrg.Models;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction.Claims;

/// <summary>The suite of iLRG+'s claims beyond the paper (issue 12): its shape, and one small run judged by the claim
/// model.</summary>
[TestFixture]
public sealed class BeyondPaperClaimsTests
{
    [Test]
    public void Suite_EveryClaim_IsMarkedBeyondThePaperAndChecksOnlyIlrgPlus()
    {
        IReadOnlyList<IClaim> suite = ClaimSuites.Named("beyond");

        Assert.Multiple(() =>
        {
            Assert.That(suite.Select(c => c.Plan.Id), Is.Unique);
            foreach (IClaim claim in suite)
            {
                Assert.That(claim.Plan.Title, Does.Contain(BeyondPaperClaims.Mark), claim.Plan.Id);
                Assert.That(claim.Plan.Suite, Is.EqualTo(BeyondPaperClaims.Suite), claim.Plan.Id);
                Assert.That(
                    claim.Plan.Checks.Select(c => c.Method),
                    Is.All.EqualTo("ilrg+").Or.All.EqualTo("ilrg+@it1000"),
                    claim.Plan.Id);
            }
        });
    }

    [Test]
    public void Targets_RunSeeds0And1At50Trials_WithTheIssuesFixedGate()
    {
        var targets = BeyondPaperClaims.Fcn3Targets
            .Select(t => (t.Threshold, Plan: BeyondPaperClaims.Fcn3(t.N, t.Threshold).Plan)).ToList();

        Assert.Multiple(() =>
        {
            foreach (var (threshold, plan) in targets)
            {
                Assert.That(plan.Runs, Is.EqualTo(2), plan.Id);
                Assert.That(plan.Seed, Is.Zero, plan.Id);
                Assert.That(plan.TrialsPerRun, Is.EqualTo(50), plan.Id);
                Assert.That(plan.Checks.Single().Threshold, Is.EqualTo(threshold), plan.Id);
            }
        });
    }

    [Test]
    public void TrainedTarget_TrainsTwoSeedsAndAttacksWithIlrgPlus_GatedAt080()
    {
        TrainedClaim trained = BeyondPaperClaims.TrainedFcn3();

        Assert.Multiple(() =>
        {
            Assert.That(trained.Method, Is.EqualTo("ilrg+"));
            Assert.That(trained.Plan.Runs, Is.EqualTo(2));
            Assert.That(trained.Plan.WholeRuns, Is.True);
            Assert.That(trained.Plan.TrialsPerRun, Is.EqualTo(50));
            Assert.That(trained.Training.Iterations, Is.EqualTo(1000));
            Assert.That(trained.Plan.Checks.Single().Threshold, Is.EqualTo(0.80));
        });
    }

    [Test]
    public void Reruns_OfThePapersIlrgClaims_KeepTheirFiguresAndSides()
    {
        var originals = PaperClaims.Quick().Concat(LargeBatchClaims.Quick()).ToDictionary(c => "ilrg+:" + c.Id);
        var reruns = ClaimSuites.Named("beyond").OfType<PaperClaim>().Where(r => originals.ContainsKey(r.Id)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(reruns, Has.Count.EqualTo(originals.Values.Count(c => c.Checks.Any(k => k.Method == "ilrg"))));
            foreach (PaperClaim r in reruns)
            {
                var expected = originals[r.Id].Checks.Where(c => c.Method == "ilrg")
                    .Select(c => (c.Metric, c.Paper, c.Side)).ToList();
                Assert.That(r.Checks.Select(c => (c.Metric, c.Paper, c.Side)), Is.EqualTo(expected), r.Id);
                Assert.That(r.Checks.Select(c => c.Known), Is.All.Null, r.Id);
            }
        });
    }

    [Test]
    public void Quick_HoldsNoBeyondClaim()
    {
        Assert.That(ClaimSuites.Quick().Select(c => c.Plan.Id), Has.None.StartWith(BeyondPaperClaims.Method));
    }

    [Test]
    public void Run_TinyTargetClaim_JudgesIlrgPlusAgainstTheGate()
    {
        var request = new DatasetRequest("synthetic", Classes: 4, Shape: new ImageShape(1, 6, 6));
        PaperClaim tiny = BeyondPaperClaims.Fcn3(3, 0.0) with
        {
            Experiment = new ExperimentSpec(request, new ModelSpec("fcn", HiddenLayers: 1, Width: 8), 3, 2, 0),
        };
        var context = new ClaimContext(r => DatasetCatalog.Open(r));

        var records = Enumerable.Range(0, tiny.Plan.Units).SelectMany(u => tiny.Measure(u, context)).ToList();
        ClaimOutcome outcome = ClaimJudge.Judge(tiny.Plan, records);

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Seed).Distinct(), Is.EqualTo(new ulong[] { 0, 1 }));
            Assert.That(records.All(r => r.Values.ContainsKey("ilrg+:lnAcc")), Is.True);
            Assert.That(outcome.Checks.Single().Measured, Is.InRange(0.0, 1.0));
            Assert.That(outcome.Passed, Is.True, "a gate of 0 passes any mean");
        });
    }
}
