using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Federated;

/// <summary>Micro-batching in the client: chunk-accumulated last-layer gradients equal the full-batch ones (SPEC.md
/// §1).</summary>
public sealed class ChunkedClientTests
{
    private const int N = 30;

    // Float32 sums in a different order agree to ~1e-6 relative; these tolerances leave room for summation order only.
    private const double Rtol = 1e-4, Atol = 1e-6;

    private static (Classifier Model, Batch Batch) LeNetBatch()
    {
        var data = SyntheticDataset.Cifar100Shaped(seed: 5);
        using var generator = new Generator(11);
        Classifier model = ModelZoo.Create(new ModelSpec("lenet5"), data.Shape, data.Classes, generator);
        Batch batch = new BatchSampler(data).Sample(N, BatchDistribution.Random, seed: 3);
        return (model, batch);
    }

    [TestCase(ClientUpdate.FcWeight)]
    [TestCase(ClientUpdate.FcBias)]
    public void LastLayerClosedForm_Chunk7VersusChunkN_SameGradient(string parameter)
    {
        var (model, batch) = LeNetBatch();
        using (model)
        {
            double[] chunked = Client.LastLayerClosedForm(model, batch, ClientMode.Eval,
                chunkSize: 7)[parameter].ToDoubles();
            double[] whole = Client.LastLayerClosedForm(model, batch, ClientMode.Eval,
                chunkSize: N)[parameter].ToDoubles();

            Assert.That(Approx.FirstMismatch(chunked, whole, Rtol, Atol), Is.EqualTo(-1));
        }
    }

    [TestCase(ClientUpdate.FcWeight)]
    [TestCase(ClientUpdate.FcBias)]
    public void LastLayerClosedForm_Chunk7_EqualsAutogradFullBatchGradient(string parameter)
    {
        var (model, batch) = LeNetBatch();
        using (model)
        {
            double[] chunked = Client.LastLayerClosedForm(model, batch, ClientMode.Eval,
                chunkSize: 7)[parameter].ToDoubles();
            double[] autograd = Client.FullGradient(model, batch, ClientMode.Eval)[parameter].ToDoubles();

            Assert.That(Approx.FirstMismatch(chunked, autograd, Rtol, Atol), Is.EqualTo(-1));
        }
    }

    [Test]
    public void LastLayerClosedForm_ChunkedRun_LeavesNoLiveTensors()
    {
        var (model, batch) = LeNetBatch();
        using (model)
        {
            long leaked = NativeLeakCheck.LiveTensorsLeftBy(() => Client.LastLayerClosedForm(model, batch,
                ClientMode.Eval, 7));

            Assert.That(leaked, Is.Zero);
        }
    }
}
