using ILrg.Data;
using ILrg.Trials;
using ILrg.Claims;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using ILrg.Models;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Trials;

public sealed class ComparisonRunnerTests
{
    private static readonly DatasetRequest Request = new("synthetic", Classes: 10, Shape: new ImageShape(1, 28, 28));

    private static ComparisonSpec Spec(string methods, ulong seed = 0) => new(
        new ExperimentSpec(Request, new ModelSpec("fcn", Width: 32), 8, 3, seed, AuxiliarySize: 8), methods);

    [Test]
    public void Run_EveryTrial_ScoresEveryMethodAgainstTheSameTruth()
    {
        var result = ComparisonRunner.Run(Spec("ilrg,oracle"), DatasetCatalog.Open(Request));

        Assert.That(
            result.Trials.SelectMany(t => t.Methods.Where(m => m.Method == "oracle")
                .Select(m => m.Counts.SequenceEqual(t.TrueCounts))),
            Is.All.True);
    }

    [Test]
    public void Run_SameSeed_GivesSameCountsForEveryMethod()
    {
        var data = DatasetCatalog.Open(Request);

        var a = ComparisonRunner.Run(Spec("ilrg,svd,llg+,random"), data);
        var b = ComparisonRunner.Run(Spec("ilrg,svd,llg+,random"), data);

        Assert.That(
            b.Trials.SelectMany(t => t.Methods.Select(m => m.Counts)),
            Is.EqualTo(a.Trials.SelectMany(t => t.Methods.Select(m => m.Counts))));
    }

    [Test]
    public void Run_SameSpecAsExperimentRunner_ILrgSeesTheSameUpdate()
    {
        var data = DatasetCatalog.Open(Request);
        var spec = Spec("ilrg");

        var compared = ComparisonRunner.Run(spec, data);
        var alone = ExperimentRunner.Run(spec.Experiment, data);

        Assert.That(
            compared.Trials.Select(t => t.Methods.Single().Counts),
            Is.EqualTo(alone.Trials.Select(t => t.RestoredCounts)));
    }

    [Test]
    public void HeldOut_NeverContainsTheClientsImages()
    {
        var data = DatasetCatalog.Open(Request);
        var batch = new BatchSampler(data).Sample(8, BatchDistribution.Random, 5);

        var auxiliary = TrialPipeline.HeldOut(data, batch, 200, 9);

        Assert.That(auxiliary.Indices.Intersect(batch.Indices), Is.Empty);
    }
}
