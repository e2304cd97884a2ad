using ILrg.Data;
using ILrg.Performance;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Performance;

/// <summary>The bench runner on tiny rows of every kind: what it counts, leaves out and reports. Times are read, never
/// judged.</summary>
public sealed class BenchRunnerTests
{
    private static BenchRunner Runner() => new(request => DatasetCatalog.Open(request));

    private static double Median(IEnumerable<double> values)
    {
        double[] v = [.. values.Order()];
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    [Test]
    public void Run_TrialRow_FirstTrialWarmUpAndStageMediansOfTheRest()
    {
        int units = 0;

        BenchRowResult r = Runner().Run(TinyBenchRows.Trials(4), () => units++);

        Assert.Multiple(() =>
        {
            Assert.That(units, Is.EqualTo(4));
            Assert.That((r.Measured, r.WarmUp, r.RawMs.Count, r.WarmUpMs.Count), Is.EqualTo((3, 1, 3, 1)));
            Assert.That(r.StageMediansMs.Keys,
                Is.EquivalentTo(new[] { "sample", "model", "client", "restore", "metrics", "total" }));
            Assert.That(r.MedianMs, Is.EqualTo(Median(r.RawMs)));
            Assert.That(r.StageMediansMs["total"], Is.EqualTo(r.MedianMs));
            Assert.That((r.MinMs, r.MaxMs), Is.EqualTo((r.RawMs.Min(), r.RawMs.Max())));
            Assert.That(r.MaxOverMedian, Is.EqualTo(r.MaxMs / r.MedianMs));
            Assert.That(r.Speedup, Is.EqualTo(1000 / r.MedianMs));
            Assert.That(r.TargetMet, Is.EqualTo(r.Speedup >= 5));
        });
    }

    [Test]
    public void Run_RestorationRow_OneWarmUpThenKTimed()
    {
        int units = 0;

        BenchRowResult r = Runner().Run(TinyBenchRows.Restoration(3), () => units++);

        Assert.Multiple(() =>
        {
            Assert.That(units, Is.EqualTo(4));
            Assert.That((r.Measured, r.WarmUp, r.Units), Is.EqualTo((3, 1, "restorations")));
            Assert.That(r.StageMediansMs["restore"], Is.EqualTo(Median(r.RawMs)));
            Assert.That(r.Speedup, Is.Null, "no reference");
            Assert.That(r.TargetMet, Is.Null, "no target");
        });
    }

    [Test]
    public void Run_InversionRow_KIterationsTimedAfterTheFirst()
    {
        int units = 0;

        BenchRowResult r = Runner().Run(TinyBenchRows.Inversion(3), () => units++);

        Assert.Multiple(() =>
        {
            Assert.That(units, Is.EqualTo(4), "a progress report per iteration");
            Assert.That((r.Measured, r.WarmUp, r.Units), Is.EqualTo((3, 1, "iterations")));
            Assert.That(r.StageMediansMs["iteration"], Is.EqualTo(r.MedianMs));
            Assert.That(r.MedianMs, Is.EqualTo(Median(r.RawMs)));
            Assert.That(r.StageMediansMs, Does.ContainKey("prepare"));
        });
    }

    [Test]
    public void Run_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(
            () => Runner().Run(TinyBenchRows.Restoration(2), cancellation: cancel.Token));
    }

    [Test]
    public void Report_AfterRows_ManifestNamesTheBenchAndTheDataOpened()
    {
        var runner = Runner();
        BenchRowResult row = runner.Run(TinyBenchRows.Trials(2));

        BenchReport report = runner.Report(
            new BenchConfiguration([row.Name], false, 2, null, null), [row], DateTimeOffset.UtcNow);

        Assert.Multiple(() =>
        {
            Assert.That(report.Manifest.Tool, Is.EqualTo("ilrg bench"));
            Assert.That(report.Manifest.Datasets.Select(d => d.Synthetic), Is.EqualTo(new[] { true }));
            Assert.That(report.TorchThreads, Is.GreaterThanOrEqualTo(1));
            Assert.That(report.ReferenceProvenance, Does.Contain("PyTorch 1.13"));
        });
    }
}
