using ILrg.Audit;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Audit;

/// <summary>The audit on updates of the simulated FedSGD client (LeNet-5, CIFAR-100-shaped synthetic images), where
/// iLRG restores the counts exactly (SPEC.md §9: LnAcc 1.000 at N = 24 … 256).</summary>
public sealed class SimulatedClientAuditTests
{
    private static readonly SyntheticDataset Data =
        new("audit", new ImageShape(3, 32, 32), 100, 2_000, 21, Normalisation.Cifar100);

    private static (LastLayerObservation Observation, int[] Truth) Update(int n, ulong seed)
    {
        using var scope = NewDisposeScope();
        Batch batch = new BatchSampler(Data).Sample(n, BatchDistribution.Random, seed);
        using var generator = new Generator(seed + 100);
        using Classifier model = ModelZoo.Create(new ModelSpec("lenet5"), Data.Shape, Data.Classes, generator);
        ClientUpdate update = Client.LastLayerClosedForm(model, batch);
        return (AttackerView.Observe(model, update), batch.Counts());
    }

    private static LastLayerObservation SumOfLosses(LastLayerObservation o) => o.WithGradients(
        o.WeightGradient.ToArray().Select(g => g * o.BatchSize).ToArray(),
        o.BiasGradient.ToArray().Select(g => g * o.BatchSize).ToArray());

    [TestCase(16, 1UL)]
    [TestCase(32, 2UL)]
    public void Run_MeanGradientOfSimulatedClient_IsStrongAndRight(int n, ulong seed)
    {
        var (observation, truth) = Update(n, seed);

        LabelAuditResult r = LabelAudit.Run(observation);

        Assert.Multiple(() =>
        {
            Assert.That(r.Counts, Is.EqualTo(truth));
            Assert.That(r.Strong, Is.True, r.Verdict);
            Assert.That(r.Verdict,
                Is.EqualTo($"labels recoverable: {truth.Count(k => k > 0)} classes, certificate strong"));
        });
    }

    [TestCase(16, 1UL)]
    [TestCase(32, 2UL)]
    public void Run_SumOfLossesOfSimulatedClient_IsInconclusive(int n, ulong seed)
    {
        var (observation, _) = Update(n, seed);

        LabelAuditResult r = LabelAudit.Run(SumOfLosses(observation));

        Assert.Multiple(() =>
        {
            Assert.That(r.Strong, Is.False);
            Assert.That(r.Verdict, Does.StartWith("inconclusive because"));
            Assert.That(r.Methods[0].Certificate.OutOfRangeMass, Is.GreaterThan(1.0));
        });
    }

    [Test]
    public void Run_SimulatedClientInFloat32Arrays_EqualsTheObservationRun()
    {
        var (o, _) = Update(16, 3);
        float[] F(ReadOnlySpan<double> v) => v.ToArray().Select(x => (float)x).ToArray();

        LabelAuditResult fromArrays = LabelAudit.Run(
            F(o.Weight), F(o.Bias), F(o.WeightGradient), F(o.BiasGradient), o.BatchSize);
        LabelAuditResult fromObservation = LabelAudit.Run(o);

        Assert.Multiple(() =>
        {
            Assert.That(fromArrays.Counts, Is.EqualTo(fromObservation.Counts));
            Assert.That(fromArrays.Verdict, Is.EqualTo(fromObservation.Verdict));
        });
    }

    [Test]
    public void ScanBatchSizes_SimulatedClientOfUnknownN_NamesTheTrueN()
    {
        var (o, truth) = Update(24, 4);
        var lowest = new LastLayerObservation(
            o.Weight, o.Bias, o.WeightGradient, o.BiasGradient, o.Classes, o.EmbeddingSize, 16);

        BatchSizeScan scan = LabelAudit.ScanBatchSizes(lowest, 40, new LabelAuditOptions(Methods: ["ilrg"]));

        Assert.Multiple(() =>
        {
            Assert.That(scan.Candidates.Select(c => c.BatchSize), Is.EqualTo(Enumerable.Range(16, 25)));
            Assert.That(scan.MostConsistent, Is.EqualTo(24));
            Assert.That(scan.Audit.Counts, Is.EqualTo(truth));
        });
    }
}
