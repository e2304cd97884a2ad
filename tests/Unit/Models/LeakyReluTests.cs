using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Models;

/// <summary>ILrg's LeakyReLU gives exactly the values of <c>nn.LeakyReLU(0.01)</c>.</summary>
public sealed class LeakyReluTests
{
    [Test]
    public void Forward_RandomValuesAndZeros_EqualTorchSharpsLeakyRelu()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        Tensor x = cat(
            [randn([4096], generator: generator) * 5, zeros(3), tensor(new[] { -0.0f, 1e-30f, -1e-30f })], 0);
        using var ours = new LeakyRelu();
        using var theirs = nn.LeakyReLU(0.01);

        float[] a = ours.forward(x).data<float>().ToArray();
        float[] b = theirs.forward(x).data<float>().ToArray();

        Assert.That(a, Is.EqualTo(b));
    }
}
