using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Build;

/// <summary>Proves the TorchSharp native library loads in this build output (the Debian 12 fix-up worked).</summary>
public sealed class TorchSharpLoadTests
{
    [Test]
    public void TensorOp_AfterFixUp_ComputesMatrixProduct()
    {
        using var a = tensor(new double[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = tensor(new double[] { 5, 6, 7, 8 }, [2, 2]);
        using var c = a.matmul(b);

        Assert.That(c.data<double>().ToArray(), Is.EqualTo(new double[] { 19, 22, 43, 50 }));
    }

    [Test]
    public void Autograd_DoubleBackward_GivesSecondDerivative()
    {
        using var x = tensor(new double[] { 2.0 }, requires_grad: true);
        using var y = x.pow(3);
        var first = autograd.grad([y], [x], create_graph: true);
        var second = autograd.grad([first[0]], [x]);

        Assert.Multiple(() =>
        {
            Assert.That(first[0].item<double>(), Is.EqualTo(12.0)); // 3x²
            Assert.That(second[0].item<double>(), Is.EqualTo(12.0)); // 6x
        });
    }
}
