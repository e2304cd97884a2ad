using ILrg.Data;
using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Models;

public sealed class ModelTests
{
    private static long Parameters(Classifier model) => model.parameters().Sum(p => p.numel());

    [Test]
    public void Fcn3_Mnist_HasHandCountedParametersAndEmbedding300()
    {
        using var g = new Generator(1);
        using Classifier m = ModelZoo.Create(new ModelSpec("fcn", HiddenLayers: 1), new ImageShape(1, 28, 28), 10, g);

        // 784·300+300 + 300·300+300 + 300·10+10 = 235,500 + 90,300 + 3,010
        Assert.Multiple(() =>
        {
            Assert.That(Parameters(m), Is.EqualTo(328_810));
            Assert.That(m.EmbeddingSize, Is.EqualTo(300));
            Assert.That(m.Classes, Is.EqualTo(10));
        });
    }

    [Test]
    public void LeNet5_Cifar_HasHandCountedParametersAndEmbedding84()
    {
        using var g = new Generator(1);
        using Classifier m = ModelZoo.Create(new ModelSpec("lenet5"), new ImageShape(3, 32, 32), 100, g);

        // conv1 3·6·25+6 = 456; conv2 6·16·25+16 = 2,416; fc1 400·120+120 = 48,120; fc2 120·84+84 = 10,164;
        // fc 84·100+100 = 8,500.
        Assert.That(Parameters(m), Is.EqualTo(456 + 2_416 + 48_120 + 10_164 + 8_500));
    }

    [Test]
    public void LeNet5_Mnist28WithBatchNorm_FlattensTo256()
    {
        using var g = new Generator(1);
        using Classifier m = ModelZoo.Create(new ModelSpec("lenet5", BatchNorm: true), new ImageShape(1, 28, 28), 10,
            g);
        using var x = zeros(2, 1, 28, 28);

        var (logits, embedding) = m.ForwardWithEmbedding(x);

        // conv1 1·6·25+6 = 156; bn1 12; conv2 2,416; bn2 32; fc1 256·120+120 = 30,840; fc2 10,164; fc 850.
        Assert.Multiple(() =>
        {
            Assert.That(Parameters(m), Is.EqualTo(156 + 12 + 2_416 + 32 + 30_840 + 10_164 + 850));
            Assert.That(logits.shape, Is.EqualTo(new long[] { 2, 10 }));
            Assert.That(embedding.shape, Is.EqualTo(new long[] { 2, 84 }));
        });
        logits.Dispose();
        embedding.Dispose();
    }

    [Test]
    public void Create_SameSeed_SameParameters()
    {
        using var g1 = new Generator(42);
        using var g2 = new Generator(42);
        using Classifier a = ModelZoo.Create(new ModelSpec("lenet5"), new ImageShape(3, 32, 32), 100, g1);
        using Classifier b = ModelZoo.Create(new ModelSpec("lenet5"), new ImageShape(3, 32, 32), 100, g2);

        var pa = a.parameters().Select(p => p.data<float>().ToArray()).ToList();
        var pb = b.parameters().Select(p => p.data<float>().ToArray()).ToList();

        Assert.That(pa, Is.EqualTo(pb));
    }

    [Test]
    public void Linear_DefaultInit_StaysWithinOneOverSqrtFanIn()
    {
        using var g = new Generator(3);
        using var layer = Layers.Linear(300, 10, g);
        float bound = (float)(1 / Math.Sqrt(300));

        Assert.Multiple(() =>
        {
            Assert.That(layer.weight!.abs().max().item<float>(), Is.LessThanOrEqualTo(bound));
            Assert.That(layer.bias!.abs().max().item<float>(), Is.LessThanOrEqualTo(bound));
            Assert.That(layer.weight!.abs().max().item<float>(), Is.GreaterThan(0.9f * bound), "uses the whole range");
        });
    }

    [Test]
    public void ConvKaimingOut_Std_MatchesFanOutRelu()
    {
        using var g = new Generator(3);
        using var conv = Layers.ConvKaimingOut(16, 64, 3, g);

        // std = √(2 / (64·3·3)) = 0.0589; 9,216 weights give a sample std within a few percent.
        Assert.That(conv.weight!.std().item<float>(), Is.EqualTo(Math.Sqrt(2.0 / 576)).Within(5).Percent);
    }

    [Test]
    public void Create_UnknownModel_ThrowsListingNames()
    {
        using var g = new Generator(1);

        Assert.That(() => ModelZoo.Create(new ModelSpec("alexnet"), new ImageShape(1, 28, 28), 10, g),
            Throws.ArgumentException.With.Message.Contains("unknown model 'alexnet'"));
    }

    [Test]
    public void Create_LeNetOnUnsupportedSize_Throws()
    {
        using var g = new Generator(1);

        Assert.That(() => ModelZoo.Create(new ModelSpec("lenet5"), new ImageShape(3, 64, 64), 10, g),
            Throws.InstanceOf<ArgumentException>());
    }

    [TestCase(Activation.Relu)]
    [TestCase(Activation.Silu)]
    [TestCase(Activation.LeakyRelu)]
    public void Forward_EachActivation_GivesLogitsEqualToFcOfEmbedding(Activation activation)
    {
        using var g = new Generator(5);
        using Classifier m = ModelZoo.Create(new ModelSpec("fcn", Activation: activation), new ImageShape(1, 28, 28),
            10, g);
        using var x = randn(3, 1, 28, 28, generator: g);

        using var logits = m.forward(x);
        var (l2, h) = m.ForwardWithEmbedding(x);
        using var manual = m.Fc.forward(h);

        Assert.That(logits.allclose(manual) && logits.allclose(l2), Is.True);
        l2.Dispose();
        h.Dispose();
    }
}
