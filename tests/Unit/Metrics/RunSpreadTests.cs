using ILrg.Metrics;
using ILrg.Numerics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Metrics;

/// <summary>The spread of run means and the 95% prediction interval of one further run
/// (docs/claims-statistics.md).</summary>
public sealed class RunSpreadTests
{
    [Test]
    public void Of_FiveRuns_IsTheStudentTPredictionInterval()
    {
        // mean 0.94, s = √0.001 = 0.0316228, t(0.975, 4) = 2.7764451, half = t·s·√1.2 = 0.0961789.
        RunSpread s = RunSpread.Of([0.90, 0.92, 0.94, 0.96, 0.98], trialsPerRun: 50, ceiling: 2);

        Assert.Multiple(() =>
        {
            Assert.That(s.Method, Is.EqualTo("t"));
            Assert.That(s.Mean, Is.EqualTo(0.94).Within(1e-12));
            Assert.That(s.StandardDeviation, Is.EqualTo(Math.Sqrt(0.001)).Within(1e-12));
            Assert.That(s.Prediction.Low, Is.EqualTo(0.94 - 0.0961789).Within(1e-6));
            Assert.That(s.Prediction.High, Is.EqualTo(0.94 + 0.0961789).Within(1e-6));
            Assert.That((s.Min, s.Max), Is.EqualTo((0.90, 0.98)));
        });
    }

    [Test]
    public void Of_RateNearOne_IsClippedToTheUnitInterval()
    {
        RunSpread s = RunSpread.Of([0.90, 0.92, 0.94, 0.96, 0.98], trialsPerRun: 50);

        Assert.That(s.Prediction.High, Is.EqualTo(1.0));
    }

    [Test]
    public void Of_ThirtyNineRuns_IsTheOrderStatisticIntervalFromMinToMax()
    {
        double[] means = [.. Enumerable.Range(0, 39).Select(i => 0.5 + (0.01 * ((i * 17) % 39)))];

        RunSpread s = RunSpread.Of(means, 10);

        Assert.Multiple(() =>
        {
            Assert.That(s.Method, Is.EqualTo("order statistic"));
            Assert.That(s.Prediction.Low, Is.EqualTo(means.Min()));
            Assert.That(s.Prediction.High, Is.EqualTo(means.Max()));
        });
    }

    [Test]
    public void Of_SeventyNineRuns_DropsOneRunAtEachEnd()
    {
        double[] means = [.. Enumerable.Range(0, 79).Select(i => i / 100.0)];

        RunSpread s = RunSpread.Of(means, 10);

        Assert.That((s.Prediction.Low, s.Prediction.High), Is.EqualTo((0.01, 0.77)));
    }

    [Test]
    public void Of_IdenticalRunsWithResolution_IsAtLeastThatWide()
    {
        RunSpread s = RunSpread.Of([0.5, 0.5, 0.5], 10, resolution: 0.02);

        Assert.Multiple(() =>
        {
            Assert.That(s.StandardDeviation, Is.Zero);
            Assert.That(s.Prediction.Low, Is.EqualTo(0.48).Within(1e-12));
            Assert.That(s.Prediction.High, Is.EqualTo(0.52).Within(1e-12));
        });
    }

    [TestCase(new double[0])]
    [TestCase(new[] { 0.5 })]
    [TestCase(new[] { 0.5, double.NaN })]
    public void Of_FewerThanTwoRunsOrNaN_Throws(double[] means)
    {
        Assert.Throws<ArgumentException>(() => RunSpread.Of(means, 10));
    }

    /// <remarks>2000 simulated experiments of 5 normal run means and one more: the t interval must contain the extra
    /// run about 95% of the time (binomial sd of the rate over 2000 draws: 0.5%, so ±1.5% is ±3 sd).</remarks>
    [Test]
    public void Of_NormalRuns_PredictionCoversANewRunAbout95PercentOfTheTime()
    {
        var rng = new DeterministicRandom(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        int covered = 0;
        const int Experiments = 2000;
        for (int e = 0; e < Experiments; e++)
        {
            double[] runs = [.. Enumerable.Range(0, 5).Select(_ => 0.5 + (0.05 * Normal()))];
            RunSpread s = RunSpread.Of(runs, 10);
            double next = 0.5 + (0.05 * Normal());
            covered += next >= s.Prediction.Low && next <= s.Prediction.High ? 1 : 0;
        }

        Assert.That(covered / (double)Experiments, Is.InRange(0.935, 0.965));
    }
}
