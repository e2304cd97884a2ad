using ILrg.Claims;
using ILrg.Data;
using ILrg.Models;
using ILrg.Training;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction.Claims;

/// <summary>The suite of iLRG+'s claims beyond the paper (issue 12): its shape, and one small run of each claim kind.</summary>
[TestFixture]
public sealed class BeyondPaperClaimsTests
{
    [Test]
    public void Suite_EveryClaim_IsMarkedBeyondThePaperAndRunsIlrgPlus()
    {
        IReadOnlyList<IClaim> suite = ClaimSuites.Named("beyond");

        Assert.Multiple(() =>
        {
            Assert.That(suite.Select(c => c.Id), Is.Unique);
            foreach (IClaim claim in suite)
            {
                Assert.That(claim.Title, Does.Contain(BeyondPaperClaims.Mark), claim.Id);
                ExperimentSpec spec = claim switch
                {
                    BeyondPaperClaim b => b.Experiment,
                    PaperClaim p => p.Experiment,
                    _ => throw new AssertionException($"{claim.Id} is neither kind"),
                };
                Assert.That(spec.Method, Is.EqualTo("ilrg+"), claim.Id);
            }
        });
    }

    [Test]
    public void Suite_Targets_GateTheLowerBoundOf50TrialsOnSeeds0And1()
    {
        var targets = ClaimSuites.Named("beyond").OfType<BeyondPaperClaim>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(targets, Has.Count.EqualTo(BeyondPaperClaims.Fcn3Targets.Count + 1));
            foreach (BeyondPaperClaim t in targets)
            {
                Assert.That(t.Seeds, Is.EqualTo(new ulong[] { 0, 1 }), t.Id);
                Assert.That(t.Experiment.Trials, Is.EqualTo(50), t.Id);
                Assert.That(t.GatedFigure, Does.Contain("lower bound"), t.Id);
            }
        });
    }

    [Test]
    public void Suite_PaperClaimsRerun_KeepTheirGates()
    {
        var originals = PaperClaims.Quick().Concat(LargeBatchClaims.Quick()).ToDictionary(c => "ilrg+:" + c.Id);
        var reruns = ClaimSuites.Named("beyond").OfType<PaperClaim>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(reruns.Select(r => r.Id), Is.EquivalentTo(originals.Keys));
            foreach (PaperClaim r in reruns)
            {
                Assert.That(r.Checks, Is.EqualTo(originals[r.Id].Checks), r.Id);
            }
        });
    }

    [Test]
    public void Main_CarriesOneBeyondClaim()
    {
        Assert.That(ClaimSuites.Main().OfType<BeyondPaperClaim>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Run_TrainedClaimOnTinyData_JudgesTheWorstSeedAndCleansUp()
    {
        var request = new DatasetRequest("synthetic", Classes: 4, Shape: new ImageShape(1, 6, 6));
        var claim = new BeyondPaperClaim(
            "tiny", "tiny (beyond the paper)",
            new ExperimentSpec(request, new ModelSpec("fcn", HiddenLayers: 1, Width: 8), 3, 2, 0, Method: "ilrg+"),
            [0, 1], "lnAcc", null, 0.0, new TrainingOptions(2, BatchSize: 4, CheckpointEvery: 1));
        string[] before = Directory.GetDirectories(Path.GetTempPath(), "ilrg-beyond-*");
        int steps = 0;

        ClaimOutcome outcome = claim.Run(r => DatasetCatalog.Open(r), () => steps++);

        Assert.Multiple(() =>
        {
            Assert.That(steps, Is.EqualTo(claim.Steps));
            Assert.That(outcome.Checks, Has.Count.EqualTo(1));
            Assert.That(outcome.Checks[0].Measured, Is.InRange(0.0, 1.0));
            Assert.That(outcome.Passed, Is.True, "a gate of 0 passes any lower bound");
            Assert.That(Directory.GetDirectories(Path.GetTempPath(), "ilrg-beyond-*"), Is.EquivalentTo(before));
        });
    }
}
