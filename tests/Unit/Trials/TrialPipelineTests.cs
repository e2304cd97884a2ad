using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration.Registry;
using ILrg.Trials;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Trials;

public sealed class TrialPipelineTests
{
    private static readonly SyntheticDataset Data = new("tiny", new ImageShape(1, 8, 8), 5, 200, 1,
        Normalisation.Mnist);

    private static ExperimentSpec Spec(ulong seed = 3) =>
        new(new DatasetRequest("synthetic"), new ModelSpec("fcn", Width: 16), 6, 2, seed);

    [Test]
    public void Prepare_WholeModelUpdate_HasEveryParameterAndTheSameObservation()
    {
        using var scope = NewDisposeScope();
        var sampler = new BatchSampler(Data);
        using PreparedTrial last = TrialPipeline.Prepare(Spec(), Data, sampler, 1);
        using PreparedTrial whole = TrialPipeline.Prepare(Spec(), Data, sampler, 1, UpdateKind.WholeModel);

        Assert.Multiple(() =>
        {
            Assert.That(whole.Update.Gradients.Keys,
                Is.SupersetOf(new[] { ClientUpdate.FcWeight, ClientUpdate.FcBias }));
            Assert.That(whole.Update.Gradients, Has.Count.GreaterThan(2));
            Assert.That(whole.TrueCounts, Is.EqualTo(last.TrueCounts), "same seeds, same batch");
            Assert.That(whole.Observation.BiasGradient.ToArray(),
                Is.EqualTo(last.Observation.BiasGradient.ToArray()).Within(1e-6),
                "autograd and the closed form agree on the last layer");
        });
    }

    [Test]
    public void Restore_Oracle_IsTheOnlyMethodGivenTheTruth()
    {
        using var scope = NewDisposeScope();
        using PreparedTrial trial = TrialPipeline.Prepare(Spec(), Data, new BatchSampler(Data), 0);

        var (oracle, _) = TrialPipeline.Restore(Spec(), Data, trial, RestorerRegistry.Find("oracle"), null);

        Assert.That(oracle.Counts, Is.EqualTo(trial.TrueCounts));
    }

    [Test]
    public void AuxiliaryFor_OnlyWhenAMethodNeedsIt()
    {
        using var scope = NewDisposeScope();
        using PreparedTrial trial = TrialPipeline.Prepare(Spec(), Data, new BatchSampler(Data), 0);

        Assert.Multiple(() =>
        {
            Assert.That(TrialPipeline.AuxiliaryFor(Spec(), Data, trial, [RestorerRegistry.Find("ilrg")]), Is.Null);
            Assert.That(TrialPipeline.AuxiliaryFor(Spec(), Data, trial, RestorerRegistry.Select("ilrg,llg+"))!.Size,
                Is.EqualTo(Spec().AuxiliarySize));
        });
    }

    [TestCase(0.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Validate_AlphaNotPositiveFinite_Throws(double alpha)
    {
        Assert.Throws<ArgumentException>(() => TrialPipeline.Validate(Spec() with { Alpha = alpha }, Data));
    }

    [Test]
    public void Run_MethodNeedingModelAndAuxiliaryData_RunsThroughTheSamePipeline()
    {
        var result = ExperimentRunner.Run(Spec() with { Method = "llg*" }, Data);

        Assert.That(result.Trials.Select(t => t.RestoredCounts.Sum()), Is.All.EqualTo(6));
    }
}
