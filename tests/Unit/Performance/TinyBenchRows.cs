using ILrg.Data;
using ILrg.Inversion;
using ILrg.Models;
using ILrg.Performance;
using ILrg.Trials;

namespace ILrg.Tests.Unit.Performance;

/// <summary>Bench rows of each kind on tiny synthetic configurations, so tests run the real bench code in
/// milliseconds.</summary>
internal static class TinyBenchRows
{
    private static readonly ExperimentSpec Tiny = new(
        new DatasetRequest("synthetic", Classes: 4, Shape: new ImageShape(1, 8, 8)), new ModelSpec("fcn", Width: 8),
        4, 1, 0);

    /// <summary>T trials of FCN on 1×8×8 images of 4 classes, N = 4.</summary>
    public static BenchRow Trials(int trials) =>
        new("tiny-trials", "tiny trials", BenchKind.Trials, trials, null, new BenchTarget(MinSpeedup: 5))
        {
            Experiment = Tiny,
            ReferenceMs = 1000,
        };

    /// <summary>K restorations of a C = 10, d = 16, N = 8 observation.</summary>
    public static BenchRow Restoration(int repeats) =>
        new("tiny-restore", "tiny restoration", BenchKind.Restoration, repeats, null, BenchTarget.None)
        {
            Observation = new RestorationShape(10, 16, 8, 3),
        };

    /// <summary>A measured row of one trial taking <paramref name="medianMs"/>, on a machine whose load average was
    /// <paramref name="load"/>.</summary>
    public static BenchRowResult Result(string name, double medianMs, double? load = null) => new(
        name, name, BenchKind.Trials, new { }, "trials", 1, 0, medianMs, medianMs, medianMs, 1,
        new Dictionary<string, double> { ["total"] = medianMs }, [medianMs], [], new MemoryReading(null, null, "n/a"),
        null, null, "—", null, 1, load);

    /// <summary>K iterations of Inverting Gradients on the tiny FCN, N = 2.</summary>
    public static BenchRow Inversion(int iterations) =>
        new("tiny-ig", "tiny inversion", BenchKind.Inversion, iterations, null, BenchTarget.None)
        {
            Experiment = Tiny with { BatchSize = 2 },
            Inversion = new InversionSettings(),
        };
}
