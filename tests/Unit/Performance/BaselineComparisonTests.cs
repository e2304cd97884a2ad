using ILrg.Performance;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Performance;

public sealed class BaselineComparisonTests
{
    private static BenchRowResult Row(string name, double medianMs) => TinyBenchRows.Result(name, medianMs);

    private static BaselineFile Baseline(params (string Name, double Ms)[] rows) =>
        new("old.json", 2, rows.ToDictionary(r => r.Name, r => r.Ms));

    [Test]
    public void Of_RowTwiceAsSlow_RatioTwoAndSlower()
    {
        BaselineComparison c = BaselineComparison.Of(Baseline(("a", 10)), [Row("a", 20)], 1.25);

        Assert.Multiple(() =>
        {
            Assert.That(c.Rows.Single(), Is.EqualTo(new BaselineRow("a", 10, 20, 2, true)));
            Assert.That(c.AnySlower, Is.True);
        });
    }

    [Test]
    public void Of_RowFaster_RatioBelowOneAndNotSlower()
    {
        BaselineComparison c = BaselineComparison.Of(Baseline(("a", 10)), [Row("a", 4)], 1.25);

        Assert.Multiple(() =>
        {
            Assert.That(c.Rows.Single().Ratio, Is.EqualTo(0.4).Within(1e-12));
            Assert.That(c.AnySlower, Is.False);
        });
    }

    [TestCase(125.0, false)]
    [TestCase(125.001, true)]
    public void Of_RatioAtTheTolerance_PassesAndJustAboveFails(double newMs, bool slower)
    {
        BaselineComparison c = BaselineComparison.Of(Baseline(("a", 100)), [Row("a", newMs)], 1.25);

        Assert.That(c.Rows.Single().Slower, Is.EqualTo(slower));
    }

    [Test]
    public void Of_RowsOnOneSideOnly_ListedNeverFailed()
    {
        BaselineComparison c = BaselineComparison.Of(
            Baseline(("both", 10), ("gone", 0.001)), [Row("new", 1e9), Row("both", 10)], 1.25);

        Assert.Multiple(() =>
        {
            Assert.That(c.Rows.Select(r => r.Name), Is.EqualTo(new[] { "both" }));
            Assert.That(c.OnlyHere, Is.EqualTo(new[] { "new" }));
            Assert.That(c.OnlyInBaseline, Is.EqualTo(new[] { "gone" }));
            Assert.That(c.AnySlower, Is.False);
        });
    }

    [TestCase(1.0)]
    [TestCase(0.5)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Of_ToleranceNotAFiniteNumberAboveOne_Throws(double tolerance)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => BaselineComparison.Of(Baseline(("a", 1)), [Row("a", 1)], tolerance));
    }
}
