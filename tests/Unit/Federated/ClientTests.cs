using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Federated;

public sealed class ClientTests
{
    private static readonly SyntheticDataset Data = new("test", new ImageShape(3, 32, 32), 10, 2_000, 9,
        Normalisation.Cifar100);

    private static Batch SampleBatch(int n, ulong seed)
        => new BatchSampler(Data).Sample(n, BatchDistribution.Random, seed);

    private static void AssertClose(float[] actual, float[] expected, string what)
    {
        int bad = Approx.FirstMismatch(
            actual.Select(v => (double)v).ToArray(), expected.Select(v => (double)v).ToArray(), rtol: 1e-4, atol: 1e-7);
        Assert.That(bad, Is.EqualTo(-1), $"{what}: first mismatch at {bad}");
    }

    [TestCase("fcn")]
    [TestCase("lenet5")]
    public void ClosedForm_LastLayer_AgreesWithAutograd(string model)
    {
        using var g = new Generator(17);
        using Classifier m = ModelZoo.Create(new ModelSpec(model), Data.Shape, 10, g);
        Batch batch = SampleBatch(12, 4);

        ClientUpdate closed = Client.LastLayerClosedForm(m, batch);
        ClientUpdate full = Client.FullGradient(m, batch);

        Assert.Multiple(() =>
        {
            AssertClose(closed[ClientUpdate.FcWeight].Values, full[ClientUpdate.FcWeight].Values, "fc.weight");
            AssertClose(closed[ClientUpdate.FcBias].Values, full[ClientUpdate.FcBias].Values, "fc.bias");
            Assert.That(closed.Gradients.Keys, Is.EquivalentTo(new[] { "fc.weight", "fc.bias" }));
        });
    }

    [Test]
    public void FullGradient_CoversEveryParameter()
    {
        using var g = new Generator(17);
        using Classifier m = ModelZoo.Create(new ModelSpec("lenet5"), Data.Shape, 10, g);

        ClientUpdate full = Client.FullGradient(m, SampleBatch(4, 1));

        Assert.That(full.Gradients.Keys, Is.EquivalentTo(m.named_parameters().Select(p => p.name)));
    }

    [Test]
    public void ClosedForm_Chunked_EqualsOneChunk()
    {
        using var g = new Generator(2);
        using Classifier m = ModelZoo.Create(new ModelSpec("lenet5"), Data.Shape, 10, g);
        Batch batch = SampleBatch(50, 8);

        ClientUpdate one = Client.LastLayerClosedForm(m, batch, chunkSize: 50);
        ClientUpdate chunked = Client.LastLayerClosedForm(m, batch, chunkSize: 7);

        Assert.Multiple(() =>
        {
            AssertClose(chunked[ClientUpdate.FcWeight].Values, one[ClientUpdate.FcWeight].Values, "fc.weight");
            AssertClose(chunked[ClientUpdate.FcBias].Values, one[ClientUpdate.FcBias].Values, "fc.bias");
        });
    }

    [Test]
    public void ClosedForm_ModelWithOtherClassCount_Throws()
    {
        using var g = new Generator(2);
        using Classifier m = ModelZoo.Create(new ModelSpec("lenet5"), Data.Shape, 100, g);

        Assert.That(() => Client.LastLayerClosedForm(m, SampleBatch(4, 1)),
            Throws.ArgumentException.With.Message.Contains("100 classes"));
    }

    [Test]
    public void Observe_UpdateWithWrongShape_ThrowsWithShapes()
    {
        using var g = new Generator(2);
        using Classifier m = ModelZoo.Create(new ModelSpec("fcn"), new ImageShape(1, 28, 28), 10, g);
        var update = new ClientUpdate(4, new Dictionary<string, ParameterGradient>
        {
            [ClientUpdate.FcWeight] = new([10, 299], new float[2990]),
            [ClientUpdate.FcBias] = new([10], new float[10]),
        });

        Assert.That(() => AttackerView.Observe(m, update),
            Throws.ArgumentException.With.Message.Contains("10×299").And.Message.Contains("10×300"));
    }

    [Test]
    public void Observe_UpdateWithNaN_ThrowsNonFinite()
    {
        using var g = new Generator(2);
        using Classifier m = ModelZoo.Create(new ModelSpec("fcn"), new ImageShape(1, 28, 28), 10, g);
        var gb = new float[10];
        gb[3] = float.NaN;
        var update = new ClientUpdate(4, new Dictionary<string, ParameterGradient>
        {
            [ClientUpdate.FcWeight] = new([10, 300], new float[3000]),
            [ClientUpdate.FcBias] = new([10], gb),
        });

        Assert.That(() => AttackerView.Observe(m, update), Throws.TypeOf<ILrg.Numerics.NonFiniteInputException>());
    }

    [Test]
    public void Observe_UpdateWithoutFinalLayer_ThrowsNamingWhatItHolds()
    {
        using var g = new Generator(2);
        using Classifier m = ModelZoo.Create(new ModelSpec("fcn"), new ImageShape(1, 28, 28), 10, g);
        var update = new ClientUpdate(4, new Dictionary<string, ParameterGradient> { ["x"] = new([1], [0f]) });

        Assert.That(() => AttackerView.Observe(m, update),
            Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("fc.weight"));
    }
}
