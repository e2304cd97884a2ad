using ILrg.Data;
using ILrg.Models;
using ILrg.Training;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Training;

/// <summary>ILrg's SGD step is TorchSharp's <c>optim.SGD(nesterov: true)</c> bit for bit, with its scalars kept
/// alive.</summary>
public sealed class NesterovSgdTests
{
    [Test]
    public void Step_TwentyStepsWithLearningRateDrops_EqualsTorchSharpsSgdExactly()
    {
        using var g1 = new Generator(5);
        using var g2 = new Generator(5);
        using Classifier ours = ModelZoo.Create(new ModelSpec("fcn", Width: 16), new ImageShape(1, 8, 8), 4, g1);
        using Classifier theirs = ModelZoo.Create(new ModelSpec("fcn", Width: 16), new ImageShape(1, 8, 8), 4, g2);
        using var mine = new NesterovSgd(ours.parameters(), momentum: 0.9, weightDecay: 5e-4);
        using var reference = optim.SGD(theirs.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4, nesterov: true);
        using var data = new Generator(9);
        for (int step = 0; step < 20; step++)
        {
            using var scope = NewDisposeScope();
            double lr = step < 10 ? 0.1 : 0.01;
            Tensor x = randn([16, 1, 8, 8], generator: data);
            Tensor y = randint(0, 4, [16], generator: data);
            ours.zero_grad();
            nn.functional.cross_entropy(ours.forward(x), y).backward();
            mine.Step(lr);
            reference.zero_grad();
            nn.functional.cross_entropy(theirs.forward(x), y).backward();
            foreach (var group in reference.ParamGroups)
            {
                group.LearningRate = lr;
            }

            reference.step();
        }

        var a = ours.parameters().Select(p => p.data<float>().ToArray()).ToList();
        var b = theirs.parameters().Select(p => p.data<float>().ToArray()).ToList();
        Assert.That(a.SelectMany(v => v), Is.EqualTo(b.SelectMany(v => v)), "the same weights, bit for bit");
    }
}
