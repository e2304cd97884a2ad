using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration.Registry;
using ILrg.Trials;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Trials;

/// <summary>The federated stages of the trial pipeline (issue 11).</summary>
public sealed class FederatedPipelineTests
{
    private static readonly SyntheticDataset Data = new("fed", new ImageShape(1, 8, 8), 5, 300, 1, Normalisation.Mnist);

    private static ExperimentSpec Spec(FederationSpec? federation = null) =>
        new(new DatasetRequest("synthetic"), new ModelSpec("fcn", Width: 16), 10, 2, 3, Federation: federation);

    [Test]
    public void Prepare_DefaultFederation_IsThePaperClientByteForByte()
    {
        using var scope = NewDisposeScope();
        var sampler = new BatchSampler(Data);
        using PreparedTrial implicitDefault = TrialPipeline.Prepare(Spec(), Data, sampler, 1);
        using PreparedTrial explicitDefault = TrialPipeline.Prepare(Spec(FederationSpec.Default), Data, sampler, 1);
        ClientUpdate paper = Client.LastLayerClosedForm(implicitDefault.Model, implicitDefault.Batch);

        Assert.Multiple(() =>
        {
            Assert.That(explicitDefault.Observation.BiasGradient.ToArray(),
                Is.EqualTo(implicitDefault.Observation.BiasGradient.ToArray()));
            Assert.That(implicitDefault.Update[ClientUpdate.FcWeight].Values,
                Is.EqualTo(paper[ClientUpdate.FcWeight].Values));
            Assert.That(implicitDefault.SoftCounts, Is.Null);
            Assert.That(implicitDefault.Privacy, Is.Null);
        });
    }

    [Test]
    public void Prepare_NoiseDefence_ChangesTheObservedGradientButNotTheModelOrTheTruth()
    {
        using var scope = NewDisposeScope();
        var sampler = new BatchSampler(Data);
        using PreparedTrial clean = TrialPipeline.Prepare(Spec(), Data, sampler, 0);
        using PreparedTrial noisy = TrialPipeline.Prepare(
            Spec(new FederationSpec { Defence = new UpdateDefence(DefenceKind.Noise, 0.01) }), Data, sampler, 0,
            measureDistortion: true);

        Assert.Multiple(() =>
        {
            Assert.That(noisy.Observation.Weight.ToArray(), Is.EqualTo(clean.Observation.Weight.ToArray()));
            Assert.That(noisy.Observation.BiasGradient.ToArray(),
                Is.Not.EqualTo(clean.Observation.BiasGradient.ToArray()));
            Assert.That(noisy.TrueCounts, Is.EqualTo(clean.TrueCounts));
            Assert.That(noisy.DefenceCosine, Is.GreaterThan(-1).And.LessThan(1));
        });
    }

    [Test]
    public void Prepare_FedAvgWithDpSgdAndSmoothing_SharesADeltaWithSoftCountsAndEpsilon()
    {
        using var scope = NewDisposeScope();
        var federation = new FederationSpec
        {
            Local = new LocalTraining(FederatedProtocol.FedAvg, 2, 5),
            Loss = new LossVariant(0.1),
            DpSgd = new DpSgdSettings(1.0, 1.0),
        };
        using PreparedTrial trial = TrialPipeline.Prepare(Spec(federation), Data, new BatchSampler(Data), 0);

        Assert.Multiple(() =>
        {
            Assert.That(trial.Update.Kind, Is.EqualTo(SharedUpdateKind.ModelDelta));
            Assert.That(trial.SoftCounts!.Value.Sum(), Is.EqualTo(10).Within(1e-9));
            Assert.That(trial.Privacy!.Epsilon, Is.GreaterThan(0).And.LessThan(double.PositiveInfinity));
        });
    }

    [Test]
    public void AuxiliaryFor_PerClass_DrawsThatManyOfEveryClassOutsideTheBatch()
    {
        using var scope = NewDisposeScope();
        ExperimentSpec spec = Spec(new FederationSpec { AuxiliaryPerClass = 7 });
        using PreparedTrial trial = TrialPipeline.Prepare(spec, Data, new BatchSampler(Data), 0);

        Batch aux = TrialPipeline.AuxiliaryFor(spec, Data, trial, [RestorerRegistry.Find("rlu")])!;

        Assert.Multiple(() =>
        {
            Assert.That(aux.Counts(), Is.All.EqualTo(7));
            Assert.That(aux.Indices.Intersect(trial.Batch.Indices), Is.Empty);
        });
    }

    [Test]
    public void Restore_HyperParametersWithheld_RluRefusesAndIlrgRuns()
    {
        using var scope = NewDisposeScope();
        ExperimentSpec spec = Spec(new FederationSpec { HyperParametersKnown = false });
        using PreparedTrial trial = TrialPipeline.Prepare(spec, Data, new BatchSampler(Data), 0);
        RestorerDescriptor rlu = RestorerRegistry.Find("rlu");
        Batch? aux = TrialPipeline.AuxiliaryFor(spec, Data, trial, [rlu]);

        Assert.Multiple(() =>
        {
            Assert.That(() => TrialPipeline.Restore(spec, Data, trial, rlu, aux),
                Throws.ArgumentException.With.Message.Contains("withholds"));
            Assert.That(() => TrialPipeline.Restore(spec, Data, trial, RestorerRegistry.Find("ilrg"), null),
                Throws.Nothing);
        });
    }

    [Test]
    public void ThreatModelOf_RluUnderFedAvg_NamesTheDeltaHyperParametersAndAuxiliaryData()
    {
        ExperimentSpec spec = Spec(new FederationSpec
        {
            Local = new LocalTraining(FederatedProtocol.FedAvg, 1, 10), AuxiliaryPerClass = 100,
        });

        string rlu = FederatedStages.ThreatModelOf(spec, RestorerRegistry.Find("rlu")).Describe();
        string ilrg = FederatedStages.ThreatModelOf(spec, RestorerRegistry.Find("ilrg")).Describe();

        Assert.Multiple(() =>
        {
            Assert.That(rlu, Does.StartWith("Δθ, N, model, local lr/E/B/μ").And.Contain("aux 100/class"));
            Assert.That(ilrg, Is.EqualTo("Δθ, N"));
        });
    }
}
