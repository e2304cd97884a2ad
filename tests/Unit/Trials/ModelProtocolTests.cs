using ILrg.Data;
using ILrg.Models;
using ILrg.Trials;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Trials;

/// <summary><c>--model-per run|trial</c>: the paper's one model per run, or ILrg's fresh model per trial.</summary>
public sealed class ModelProtocolTests
{
    private static readonly SyntheticDataset Data =
        new("tiny", new ImageShape(1, 8, 8), 5, 200, 1, Normalisation.Mnist);

    private static ExperimentSpec Spec(ModelProtocol per) =>
        new(new DatasetRequest("synthetic"), new ModelSpec("fcn", Width: 16), 6, 4, 3, ModelPer: per);

    [Test]
    public void ExperimentSpec_Default_IsAFreshModelPerTrialOnTheCpu()
    {
        var spec = new ExperimentSpec(new DatasetRequest("mnist"), new ModelSpec("fcn"), 24, 50, 0);

        Assert.That((spec.ModelPer, spec.Device), Is.EqualTo((ModelProtocol.Trial, ComputeDevice.Cpu)));
    }

    [Test]
    public void Prepare_ModelPerRun_EveryTrialAttacksTrialZerosModel()
    {
        using var scope = NewDisposeScope();
        var sampler = new BatchSampler(Data);
        using PreparedTrial first = TrialPipeline.Prepare(Spec(ModelProtocol.Run), Data, sampler, 0);
        using PreparedTrial third = TrialPipeline.Prepare(Spec(ModelProtocol.Run), Data, sampler, 2);

        Assert.Multiple(() =>
        {
            Assert.That(third.ModelSeed, Is.EqualTo(first.ModelSeed));
            Assert.That(third.Observation.Weight.ToArray(), Is.EqualTo(first.Observation.Weight.ToArray()));
            Assert.That(third.BatchSeed, Is.Not.EqualTo(first.BatchSeed), "batches still differ per trial");
        });
    }

    [Test]
    public void Prepare_ModelPerTrial_EachTrialHasItsOwnModel()
    {
        using var scope = NewDisposeScope();
        var sampler = new BatchSampler(Data);
        using PreparedTrial first = TrialPipeline.Prepare(Spec(ModelProtocol.Trial), Data, sampler, 0);
        using PreparedTrial third = TrialPipeline.Prepare(Spec(ModelProtocol.Trial), Data, sampler, 2);

        Assert.That(third.Observation.Weight.ToArray(), Is.Not.EqualTo(first.Observation.Weight.ToArray()));
    }

    [Test]
    public void Run_TrialZero_IsTheSameUnderBothProtocols()
    {
        ExperimentResult perTrial = ExperimentRunner.Run(Spec(ModelProtocol.Trial), Data);
        ExperimentResult perRun = ExperimentRunner.Run(Spec(ModelProtocol.Run), Data);

        Assert.Multiple(() =>
        {
            Assert.That(perRun.Trials[0].RestoredCounts, Is.EqualTo(perTrial.Trials[0].RestoredCounts));
            Assert.That(perRun.Trials.Select(t => t.ModelSeed).Distinct().Count(), Is.EqualTo(1));
            Assert.That(perTrial.Trials.Select(t => t.ModelSeed).Distinct().Count(), Is.EqualTo(4));
        });
    }
}
