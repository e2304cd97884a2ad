using ILrg.Data;
using ILrg.Trials;
using ILrg.Claims;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using ILrg.Federated;
using ILrg.Models;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Trials;

/// <summary>Train-mode clients (BatchNorm batch statistics, Dropout active) stay deterministic for a seed (SPEC.md §5,
/// §10).</summary>
public sealed class TrainModeTests
{
    [Test]
    public void RunTrial_VggWithDropoutInTrainMode_SameSeedSameUpdate()
    {
        var spec = new ExperimentSpec(
            new DatasetRequest("synthetic"), new ModelSpec("vgg11", Dropout: true), 8, 1, 5, Mode: ClientMode.Train);
        var data = SyntheticDataset.Cifar100Shaped();

        TrialResult first = ExperimentRunner.Run(spec, data).Trials[0];
        TrialResult second = ExperimentRunner.Run(spec, data).Trials[0];

        // The residual and condition number are exact functions of the gradient the client sent.
        Assert.Multiple(() =>
        {
            Assert.That(second.RelativeGradientResidual, Is.EqualTo(first.RelativeGradientResidual));
            Assert.That(second.ConditionNumber, Is.EqualTo(first.ConditionNumber));
            Assert.That(second.RestoredCounts, Is.EqualTo(first.RestoredCounts));
        });
    }
}
