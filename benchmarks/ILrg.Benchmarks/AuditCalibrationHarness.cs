using System.Diagnostics;
using System.Globalization;
using System.Text;
using ILrg.Audit;
using ILrg.Data;
using ILrg.Trials;
using ILrg.Models;
using ILrg.Restoration;
using static TorchSharp.torch;

namespace ILrg.Benchmarks;

/// <summary>
/// Calibrates the audit verdict (docs/audit-calibration.md): simulated FedSGD updates with known truth — FCN-3 on real
/// MNIST and LeNet-5 on the CIFAR-100-shaped synthetic stand-in, N = 8 … 256 — thresholds fitted on one seed, rates
/// measured on another, plus the batch-size scan and two misuses (gradients of the sum, N × 1.5).
/// Run: <c>dotnet run -c Release --project benchmarks/ILrg.Benchmarks -- audit-calibration [trials] [out.md]</c>.
/// </summary>
public static class AuditCalibrationHarness
{
    /// <summary>Largest tolerated fraction of strong certificates with wrong counts on the fitting seed.</summary>
    public const double TargetStrongWrongRate = 0.0;

    private const ulong FitSeed = 1, CheckSeed = 2, ScanSeed = 3;
    private const int ScanMin = 16, ScanMax = 128;
    private static readonly int[] BatchSizes = [8, 16, 32, 64, 128, 256];
    private static readonly int[] ScanBatchSizes = [16, 32, 64, 128];

    private static readonly Setting[] Settings =
    [
        new("FCN-3, MNIST (real)", new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1)),
        new("LeNet-5, CIFAR-100-shaped (synthetic)",
            new DatasetRequest("synthetic", Classes: 100, Shape: new ImageShape(3, 32, 32)), new ModelSpec("lenet5")),
    ];

    /// <summary>Runs the calibration and writes the markdown report.</summary>
    public static int Run(string[] args)
    {
        int trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        string output = args.Length > 1 ? args[1] : "docs/audit-calibration.md";
        int scanTrials = Math.Max(1, trials / 2);
        var clock = Stopwatch.StartNew();
        var options = new LabelAuditOptions(Methods: ["ilrg"]);
        var fit = new List<CalibrationTrial>();
        var check = new List<CalibrationTrial>();
        var misuse = new List<(string Kind, CalibrationTrial Trial)>();
        foreach (Setting setting in Settings)
        {
            IImageDataset data = DatasetCatalog.Open(setting.Data);
            foreach (int n in BatchSizes)
            {
                var held = Source(setting, data, n, CheckSeed);
                var fitting = Source(setting, data, n, FitSeed);
                fit.AddRange(AuditCalibration.Collect(setting.Name, fitting, trials, options));
                check.AddRange(AuditCalibration.Collect(setting.Name, held, trials, options));
                misuse.AddRange(AuditCalibration.Collect(setting.Name, t => SumConvention(held(t)), trials, options)
                    .Select(t => ("gradients of the sum", t)));
                misuse.AddRange(AuditCalibration.Collect(setting.Name, t => WrongBatchSize(held(t)), trials, options)
                    .Select(t => ("N × 1.5", t)));
                Console.Error.WriteLine($"{setting.Name} N={n}: {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        AuditThresholds thresholds = AuditCalibration.Fit(fit, TargetStrongWrongRate);
        var scans = new List<(string Setting, int N, int Picked)>();
        foreach (Setting setting in Settings)
        {
            IImageDataset data = DatasetCatalog.Open(setting.Data);
            foreach (int n in ScanBatchSizes)
            {
                var source = Source(setting, data, n, ScanSeed);
                for (int t = 0; t < scanTrials; t++)
                {
                    LastLayerObservation lowest = WithBatchSize(source(t).Observation, ScanMin);
                    int picked = LabelAudit.ScanBatchSizes(lowest, ScanMax, options with { Thresholds = thresholds })
                        .MostConsistent;
                    scans.Add((setting.Name, n, picked));
                }

                Console.Error.WriteLine($"{setting.Name} scan N={n}: {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        string report = CalibrationReport.Write(
            new CalibrationReport.Inputs(trials, scanTrials, TargetStrongWrongRate, thresholds, fit, check, misuse,
                scans, FitSeed, CheckSeed, ScanSeed, ScanMin, ScanMax, clock.Elapsed));
        File.WriteAllText(output, report);
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>The one place that simulates an update: trial index → observation and true counts.</summary>
    private static Func<int, (LastLayerObservation Observation, int[] Truth)> Source(
        Setting setting, IImageDataset data, int n, ulong seed)
    {
        var spec = new ExperimentSpec(setting.Data, setting.Model, n, Trials: 1, seed);
        var sampler = new BatchSampler(data);
        return t =>
        {
            using var scope = NewDisposeScope();
            using PreparedTrial setup = TrialPipeline.Prepare(spec, data, sampler, t);
            return (setup.Observation, setup.TrueCounts.ToArray());
        };
    }

    /// <summary>The client sent the gradient of the SUM of the losses (N times the mean's).</summary>
    private static (LastLayerObservation, int[]) SumConvention((LastLayerObservation Observation, int[] Truth) u)
    {
        LastLayerObservation o = u.Observation;
        double n = o.BatchSize;
        return (o.WithGradients(
            o.WeightGradient.ToArray().Select(g => g * n).ToArray(),
            o.BiasGradient.ToArray().Select(g => g * n).ToArray()), u.Truth);
    }

    /// <summary>
    /// The auditor assumed N × 1.5. When every true count is even, the update is also exactly that of a batch of
    /// 1.5 N with every count × 1.5 (half the batch repeated three times), so those counts are the consistent answer
    /// and serve as the "truth" of the trial; otherwise no count vector summing to 1.5 N is right.
    /// </summary>
    private static (LastLayerObservation, int[]) WrongBatchSize((LastLayerObservation Observation, int[] Truth) u) =>
        (WithBatchSize(u.Observation, u.Observation.BatchSize * 3 / 2),
            u.Truth.All(k => k % 2 == 0) ? u.Truth.Select(k => k * 3 / 2).ToArray() : u.Truth);

    private static LastLayerObservation WithBatchSize(LastLayerObservation o, int n) =>
        new(o.Weight, o.Bias, o.WeightGradient, o.BiasGradient, o.Classes, o.EmbeddingSize, n);

    private sealed record Setting(string Name, DatasetRequest Data, ModelSpec Model);
}
