using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Models;

/// <summary>
/// <see cref="ModuleClassifier"/> over TorchVision's modules, whose forward runs in its own dispose scope: the
/// embedding captured at the final layer must outlive that scope (it once came back as a freed tensor, which broke
/// every method needing forward passes under <c>--arch torchvision:…</c>).
/// </summary>
public sealed class ModuleClassifierTests
{
    [Test]
    public void ForwardWithEmbedding_TorchVisionResNet18_GivesTheFinalLayersInputAndItsLogits()
    {
        using var scope = NewDisposeScope();
        using ModuleClassifier model = TorchVisionModels.Create("resnet18", 10);
        model.eval();
        using var generator = new Generator(3);
        Tensor images = rand([2, 3, 32, 32], generator: generator);

        using (no_grad())
        {
            var (logits, embedding) = model.ForwardWithEmbedding(images);
            Tensor direct = model.forward(images);

            Assert.Multiple(() =>
            {
                Assert.That(embedding.shape, Is.EqualTo(new long[] { 2, 512 }));
                Assert.That(logits.shape, Is.EqualTo(new long[] { 2, 10 }));
                Assert.That(direct.allclose(logits, rtol: 1e-5, atol: 1e-6), Is.True);
                Assert.That(model.Fc.forward(model.Embed(images)).allclose(logits, rtol: 1e-5, atol: 1e-6), Is.True);
            });
        }
    }

    [Test]
    public void Embed_TorchVisionVgg11WithGradient_BackPropagatesToTheInput()
    {
        using var scope = NewDisposeScope();
        using ModuleClassifier model = TorchVisionModels.Create("vgg11", 4);
        model.eval();
        using var generator = new Generator(4);
        Tensor images = rand([1, 3, 32, 32], generator: generator).requires_grad_();

        model.Embed(images).sum().backward();

        Assert.That(images.grad is { } g && g.abs().sum().item<float>() > 0, Is.True);
    }
}
