using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Federated;

/// <summary>The autograd client (FedAvg, loss variants, DP-SGD) against known answers (issue 11).</summary>
public sealed class LocalTrainerTests
{
    private const int Classes = 4;
    private static readonly SyntheticDataset Data = new("local", new ImageShape(1, 8, 8), Classes, 80, 2,
        Normalisation.Mnist);

    private static Classifier Model(long seed = 5)
    {
        using var g = new Generator((ulong)seed);
        return ModelZoo.Create(new ModelSpec("fcn", Width: 16), Data.Shape, Classes, g);
    }

    private static Batch Batch(int n = 8) => new BatchSampler(Data).Sample(n, BatchDistribution.Random, 11);

    private static FederationSpec FedAvg(int epochs = 1, int? localBatch = null, double lr = 0.1,
        double momentum = 0) =>
        new() { Local = new LocalTraining(FederatedProtocol.FedAvg, epochs, localBatch, lr, momentum) };

    private static void AssertClose(float[] actual, IEnumerable<double> expected, double rtol, string what)
    {
        int bad = Approx.FirstMismatch(actual.Select(v => (double)v).ToArray(), expected.ToArray(), rtol: rtol,
            atol: 1e-7);
        Assert.That(bad, Is.EqualTo(-1), $"{what}: first mismatch at {bad}");
    }

    [Test]
    public void FedAvg_OneFullBatchStep_SharesLearningRateTimesTheGradient()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        Batch batch = Batch();

        ClientUpdate delta = LocalTrainer.Run(model, batch, ClientMode.Eval, FedAvg(lr: 0.25), 1);
        ClientUpdate gradient = Client.FullGradient(model, batch);

        Assert.Multiple(() =>
        {
            Assert.That(delta.Kind, Is.EqualTo(SharedUpdateKind.ModelDelta));
            foreach (string name in gradient.Gradients.Keys)
            {
                AssertClose(delta[name].Values, gradient[name].Values.Select(v => 0.25 * v), 1e-4, name);
            }
        });
    }

    [Test]
    public void FedAvg_SeveralEpochs_LeavesTheGlobalModelUnchangedAndIsDeterministic()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        float[] before = model.Fc.weight!.detach().clone().data<float>().ToArray();
        FederationSpec spec = FedAvg(epochs: 3, localBatch: 3, momentum: 0.9) with { Loss = new LossVariant(0.1, 0.4) };

        ClientUpdate first = LocalTrainer.Run(model, Batch(), ClientMode.Eval, spec, 9);
        ClientUpdate second = LocalTrainer.Run(model, Batch(), ClientMode.Eval, spec, 9);

        Assert.Multiple(() =>
        {
            Assert.That(model.Fc.weight!.detach().data<float>().ToArray(), Is.EqualTo(before));
            Assert.That(second[ClientUpdate.FcWeight].Values, Is.EqualTo(first[ClientUpdate.FcWeight].Values));
            Assert.That(first[ClientUpdate.FcWeight].Values.Any(v => v != 0), Is.True);
        });
    }

    /// <remarks>p − ((1−ε)y + ε/C) = (p − y) + ε(y − 1/C), so the smoothed bias gradient is the plain one plus
    /// ε(k/N − 1/C).</remarks>
    [Test]
    public void LabelSmoothing_FedSgdBiasGradient_IsThePlainOneShiftedByEpsilonTimesKOverNMinusOneOverC()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        Batch batch = Batch();
        int[] k = batch.Counts();

        ClientUpdate smoothed = LocalTrainer.Run(
            model, batch, ClientMode.Eval, new FederationSpec { Loss = new LossVariant(0.2) }, 0);
        ClientUpdate plain = Client.LastLayerClosedForm(model, batch);

        float[] gb = plain[ClientUpdate.FcBias].Values;
        AssertClose(smoothed[ClientUpdate.FcBias].Values,
            Enumerable.Range(0, Classes).Select(i => gb[i] + 0.2 * ((double)k[i] / batch.Size - 1.0 / Classes)), 1e-4,
                "fc.bias");
    }

    [Test]
    public void DpSgd_HugeClipAndNoNoise_IsThePlainGradient()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        Batch batch = Batch();

        ClientUpdate dp = LocalTrainer.Run(
            model, batch, ClientMode.Eval, new FederationSpec { DpSgd = new DpSgdSettings(1e9, 0) }, 0);
        ClientUpdate plain = Client.FullGradient(model, batch);

        AssertClose(dp[ClientUpdate.FcWeight].Values, plain[ClientUpdate.FcWeight].Values.Select(v => (double)v), 1e-4,
            "fc.weight");
    }

    [Test]
    public void DpSgd_SmallClipAndNoNoise_BoundsTheMeanGradientByTheClip()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();

        ClientUpdate dp = LocalTrainer.Run(
            model, Batch(), ClientMode.Eval, new FederationSpec { DpSgd = new DpSgdSettings(1e-3, 0) }, 0);

        double norm = Math.Sqrt(dp.Gradients.Values.Sum(g => g.Values.Sum(v => (double)v * v)));
        Assert.That(norm, Is.LessThanOrEqualTo(1e-3 * (1 + 1e-4)));
    }

    [Test]
    public void DpSgd_TrainModeBatchNorm_ThrowsNamingBatchNorm()
    {
        using var scope = NewDisposeScope();
        var rgb = new SyntheticDataset("bn", new ImageShape(3, 32, 32), Classes, 20, 1, Normalisation.Cifar100);
        using var g = new Generator(1);
        using Classifier lenet = ModelZoo.Create(new ModelSpec("lenet5", BatchNorm: true), rgb.Shape, Classes, g);
        Batch batch = new BatchSampler(rgb).Sample(4, BatchDistribution.Random, 1);

        Assert.That(() => LocalTrainer.Run(lenet, batch, ClientMode.Train,
            new FederationSpec { DpSgd = new DpSgdSettings() }, 0),
            Throws.ArgumentException.With.Message.Contains("BatchNorm"));
    }

    [Test]
    public void StepWeights_MomentumHalfThreeSteps_AreTheVelocitySums()
    {
        var local = new LocalTraining(FederatedProtocol.FedAvg, Epochs: 3, LearningRate: 0.1, Momentum: 0.5);

        Assert.Multiple(() =>
        {
            Assert.That(local.StepWeights(10), Is.EqualTo(new[] { 1.75, 1.5, 1.0 }));
            Assert.That(local.UpdateScale(10), Is.EqualTo(0.1 * 4.25).Within(1e-12));
            Assert.That(LocalTraining.FedSgd.UpdateScale(10), Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Steps_FortyImagesInLocalBatchesOfTen_AreFourPerEpoch()
    {
        var local = new LocalTraining(FederatedProtocol.FedAvg, Epochs: 2, LocalBatch: 10);

        Assert.That(local.Steps(40), Is.EqualTo(8));
    }

    [Test]
    public void ExpectedSoftCounts_SmoothingAndMixup_AreOneMinusEpsilonKPlusEpsilonNOverC()
    {
        var loss = new LossVariant(0.1, 0.2);

        Assert.That(loss.ExpectedSoftCounts([6, 0, 2, 2]), Is.EqualTo(new[] { 5.65, 0.25, 2.05, 2.05 }).Within(1e-12));
    }

    [TestCase(0.0, "learning rate")]
    [TestCase(-0.1, "learning rate")]
    public void Validate_FedAvgLearningRate_MustBePositive(double lr, string named)
    {
        Assert.That(() => new LocalTraining(FederatedProtocol.FedAvg, LearningRate: lr).Validate(8),
            Throws.ArgumentException.With.Message.Contains(named));
    }

    [Test]
    public void Validate_LocalBatchAboveN_ThrowsNamingN()
    {
        Assert.That(() => new LocalTraining(FederatedProtocol.FedAvg, LocalBatch: 9).Validate(8),
            Throws.ArgumentException.With.Message.Contains("N = 8"));
    }

    [TestCase(1.0)]
    [TestCase(-0.1)]
    public void Validate_LabelSmoothingOutsideZeroToOne_Throws(double epsilon)
    {
        Assert.That(() => new LossVariant(epsilon).Validate(),
            Throws.ArgumentException.With.Message.Contains("[0, 1)"));
    }

    [Test]
    public void Validate_DirichletAlphaZero_Throws()
    {
        Assert.That(() => new FederationSpec { DirichletAlpha = 0 }.Validate(8),
            Throws.ArgumentException.With.Message.Contains("Dirichlet"));
    }
}
