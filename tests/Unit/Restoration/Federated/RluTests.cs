using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration;
using ILrg.Restoration.Federated;
using ILrg.Restoration.Registry;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Restoration.Federated;

/// <summary>
/// RLU and the FedAvg-aware attacks on known answers: when the auxiliary images ARE the client's batch, RLU's
/// class-conditional confidences are the true class means of the softmax, so its linear system is exact and the
/// counts must be restored exactly (SPEC.md §2 exactness (a), for RLU's system).
/// </summary>
public sealed class RluTests
{
    private const int Classes = 5;
    private static readonly SyntheticDataset Data = new("rlu", new ImageShape(1, 8, 8), Classes, 200, 4,
        Normalisation.Mnist);

    private static Classifier Model()
    {
        using var g = new Generator(21);
        return ModelZoo.Create(new ModelSpec("fcn", Width: 24), Data.Shape, Classes, g);
    }

    private static Batch Batch() => new BatchSampler(Data).Sample(20, BatchDistribution.Random2, 6, classesInBatch: 3);

    [Test]
    public void Rlu_FedSgdWithTheBatchAsAuxiliary_RestoresTheExactCounts()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        Batch batch = Batch();
        ClientUpdate update = Client.LastLayerClosedForm(model, batch);

        LabelRestoration r = new RluRestorer(model, batch, LocalTraining.FedSgd, update)
            .Restore(AttackerView.Observe(model, update));

        Assert.That(r.Counts, Is.EqualTo(batch.Counts()));
    }

    [Test]
    public void Rlu_OneStepFedAvgWithTheBatchAsAuxiliary_RestoresTheExactCounts()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        Batch batch = Batch();
        var local = new LocalTraining(FederatedProtocol.FedAvg, LearningRate: 0.5);
        ClientUpdate update = LocalTrainer.Run(model, batch, ClientMode.Eval, new FederationSpec { Local = local }, 3);

        LabelRestoration r = new RluRestorer(model, batch, local, update).Restore(AttackerView.Observe(model, update));

        Assert.That(r.Counts, Is.EqualTo(batch.Counts()));
    }

    [Test]
    public void IlrgFedAvg_OnAFedSgdGradient_IsIlrg()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        Batch batch = Batch();
        LastLayerObservation observation = AttackerView.Observe(model, Client.LastLayerClosedForm(model, batch));
        var context = new RestorerContext(0, Local: LocalTraining.FedSgd);

        LabelRestoration fedAvg = RestorerRegistry.Find("ilrg-fedavg").Create(context).Restore(observation);
        LabelRestoration plain = RestorerRegistry.Find("ilrg").Create(context).Restore(observation);

        Assert.Multiple(() =>
        {
            Assert.That(fedAvg.Counts, Is.EqualTo(plain.Counts));
            Assert.That(fedAvg.Method, Is.EqualTo("ilrg-fedavg"));
        });
    }

    [Test]
    public void ToMeanGradient_FedAvg_DividesByLearningRateTimesStepsAndMovesWToMidTrajectory()
    {
        var observation = new LastLayerObservation([1.0, 2.0], [0.5], [0.4, 0.8], [0.2], 1, 2, 4);
        var local = new LocalTraining(FederatedProtocol.FedAvg, Epochs: 2, LocalBatch: 2, LearningRate: 0.1);

        LastLayerObservation mean = UpdateScaling.ToMeanGradient(observation, local, midpointWeights: true);

        Assert.Multiple(() =>
        {
            Assert.That(mean.WeightGradient.ToArray(), Is.EqualTo(new[] { 1.0, 2.0 }).Within(1e-12),
                "÷ (0.1 × 4 steps)");
            Assert.That(mean.BiasGradient.ToArray(), Is.EqualTo(new[] { 0.5 }).Within(1e-12));
            Assert.That(mean.Weight.ToArray(), Is.EqualTo(new[] { 0.8, 1.6 }).Within(1e-12), "W − ½(θ_start − θ_end)");
        });
    }

    [Test]
    public void MoveTo_AnyPoint_RestoresTheWeightsExactlyWhenDisposed()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        Batch batch = Batch();
        var spec = new FederationSpec { Local = new LocalTraining(FederatedProtocol.FedAvg, 2, 5) };
        ClientUpdate update = LocalTrainer.Run(model, batch, ClientMode.Eval, spec, 1);
        float[] before = model.Fc.weight!.detach().clone().data<float>().ToArray();
        float[] moved;

        using (ModelTrajectory.MoveTo(model, update, 0.5))
        {
            moved = model.Fc.weight!.detach().clone().data<float>().ToArray();
        }

        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.Not.EqualTo(before));
            Assert.That(model.Fc.weight!.detach().data<float>().ToArray(), Is.EqualTo(before));
        });
    }

    [Test]
    public void Create_RluWithoutHyperParameters_ThrowsSayingTheThreatModelWithholdsThem()
    {
        using var scope = NewDisposeScope();
        using Classifier model = Model();
        var context = new RestorerContext(0, Model: model, InputShape: Data.Shape, Auxiliary: Batch(),
            TrueCounts: ImmutableArray<int>.Empty);

        Assert.That(() => RestorerRegistry.Find("rlu").Create(context),
            Throws.ArgumentException.With.Message.Contains("withholds"));
    }
}
