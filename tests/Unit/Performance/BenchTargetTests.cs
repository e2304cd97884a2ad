using ILrg.Performance;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Performance;

public sealed class BenchTargetTests
{
    [TestCase(5.0, true)]
    [TestCase(4.99, false)]
    public void IsMet_Speedup_AtLeastTheTarget(double speedup, bool met)
    {
        Assert.That(new BenchTarget(MinSpeedup: 5).IsMet(10, 1, speedup), Is.EqualTo(met));
    }

    [TestCase(100.0, 1.5, true)]
    [TestCase(100.1, 1.0, false)]
    [TestCase(50.0, 1.51, false)]
    public void IsMet_MedianAndSpread_BothWithinTheirCeilings(double median, double spread, bool met)
    {
        Assert.That(new BenchTarget(MaxMedianMs: 100, MaxSpread: 1.5).IsMet(median, spread, null), Is.EqualTo(met));
    }

    [Test]
    public void IsMet_NoTarget_Null()
    {
        Assert.That(BenchTarget.None.IsMet(1, 1, 100), Is.Null);
    }

    [Test]
    public void IsMet_SpeedupTargetWithoutReference_Null()
    {
        Assert.That(new BenchTarget(MinSpeedup: 5).IsMet(1, 1, null), Is.Null);
    }
}
