using System.Diagnostics;
using ILrg.Data;
using ILrg.Inversion;
using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Restoration.Registry;
using ILrg.Trials;
using MathNet.Numerics.Statistics;
using static TorchSharp.torch;

namespace ILrg.Performance;

/// <summary>
/// Runs bench rows through the code paths the verbs use (<see cref="ExperimentRunner"/> for trials, the registry's
/// restorer for the restoration row, <see cref="InversionExperiment"/> for inversion iterations), timing each unit and
/// the peak memory of each row. Opens each data set once and remembers it for the report's manifest.
/// </summary>
/// <param name="open">Opens a data set (the CLI passes <see cref="DatasetCatalog.Open"/> with its log).</param>
public sealed class BenchRunner(Func<DatasetRequest, IImageDataset> open)
{
    private readonly Dictionary<DatasetRequest, IImageDataset> _opened = [];
    private readonly Lock _gate = new();

    /// <summary>libtorch's intra-op thread count (<c>torch.get_num_threads()</c>).</summary>
    public static int TorchThreads => get_num_threads();

    /// <summary>The data sets opened so far.</summary>
    public IReadOnlyList<IImageDataset> Datasets
    {
        get
        {
            lock (_gate)
            {
                return [.. _opened.Values];
            }
        }
    }

    /// <summary>Runs one row: a full garbage collection, then the row between a reset and a reading of the peak RSS.
    /// </summary>
    /// <param name="row">The row, with its count (<see cref="BenchRows.Select"/>).</param>
    /// <param name="onUnit">Called after every unit, warm-up included (progress).</param>
    /// <param name="cancellation">Checked before every unit.</param>
    /// <exception cref="ArgumentException">The row's configuration is invalid for its data.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public BenchRowResult Run(BenchRow row, Action? onUnit = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        Guard.AtLeast(row.Count, 1, $"{row.Name} count");
        GC.Collect();
        GC.WaitForPendingFinalizers(); // tensors of earlier rows that only a finalizer releases
        GC.Collect();
        var clock = Stopwatch.StartNew();
        PeakMemory memory = PeakMemory.Start();
        var (stages, timed, warmUp) = row.Kind switch
        {
            BenchKind.Trials => Trials(row, onUnit, cancellation),
            BenchKind.Restoration => Restorations(row, onUnit, cancellation),
            _ => Iterations(row, onUnit, cancellation),
        };
        MemoryReading reading = memory.Finish();
        double median = timed.Median(), min = timed.Min(), max = timed.Max();
        double? speedup = row.ReferenceMs / median;
        return new BenchRowResult(
            row.Name, row.Description, row.Kind, row.Configuration(), row.Units, timed.Count, warmUp.Count, median, min,
            max, max / median, stages, timed, warmUp, reading, row.ReferenceMs, speedup, row.Target.ToString(),
            row.Target.IsMet(median, max / median, speedup), clock.Elapsed.TotalSeconds, MachineLoad.OneMinute());
    }

    /// <summary>The report of the rows that ran, stamped with the run manifest (tool "ilrg bench").</summary>
    public BenchReport Report(
        BenchConfiguration configuration, IReadOnlyList<BenchRowResult> rows, DateTimeOffset started,
        bool interrupted = false) =>
        BenchReport.Create(configuration, rows, Datasets, started, interrupted);

    private (Dictionary<string, double>, List<double>, List<double>) Trials(
        BenchRow row, Action? onUnit, CancellationToken cancellation)
    {
        ExperimentSpec spec = row.TrialSpec();
        ExperimentResult result = ExperimentRunner.Run(
            spec, Open(spec.Dataset), _ => onUnit?.Invoke(), cancellation: cancellation);
        var timed = result.Trials.Skip(row.WarmUp).Select(t => t.Timings.ByStage()).ToList();
        var stages = timed[0].Keys.ToDictionary(stage => stage, stage => timed.Select(t => t[stage]).Median());
        return (stages, [.. timed.Select(t => t["total"])],
            [.. result.Trials.Take(row.WarmUp).Select(t => t.Timings.TotalMs)]);
    }

    private static (Dictionary<string, double>, List<double>, List<double>) Restorations(
        BenchRow row, Action? onUnit, CancellationToken cancellation)
    {
        RestorationShape shape = row.Observation ?? throw new InvalidOperationException($"{row.Name}: no shape");
        LastLayerObservation observation =
            SyntheticObservation.Random(shape.Classes, shape.EmbeddingSize, shape.BatchSize, shape.Seed);
        RestorerDescriptor method = RestorerRegistry.Find(shape.Method);
        var times = new List<double>(row.TotalUnits);
        for (int k = 0; k < row.TotalUnits; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                _ = method.Create(RestorerContext.ObservationOnly(shape.Seed)).Restore(observation);
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
            onUnit?.Invoke();
        }

        List<double> timed = [.. times.Skip(row.WarmUp)];
        return (new Dictionary<string, double> { ["restore"] = timed.Median() }, timed, [.. times.Take(row.WarmUp)]);
    }

    private (Dictionary<string, double>, List<double>, List<double>) Iterations(
        BenchRow row, Action? onUnit, CancellationToken cancellation)
    {
        ExperimentSpec spec = row.TrialSpec() with { Trials = 1 };
        using var experiment = new InversionExperiment(
            new InversionSpec(spec, "ig", row.InversionSettings()), Open(spec.Dataset));
        var stamps = new List<double>(row.TotalUnits);
        var clock = Stopwatch.StartNew();
        experiment.Run(LabelMode.ILrg, progress: _ =>
        {
            stamps.Add(clock.Elapsed.TotalMilliseconds);
            onUnit?.Invoke();
        }, cancellation: cancellation);
        if (stamps.Count <= row.WarmUp)
        {
            throw new InvalidOperationException(
                $"{row.Name}: the inversion stopped after {stamps.Count} iteration(s) (a non-finite cost); " +
                "no iteration was timed");
        }

        // The first report comes after set-up and the first iteration: the warm-up. Each later gap is one iteration.
        List<double> timed = [.. stamps.Skip(row.WarmUp).Select((t, i) => t - stamps[i + row.WarmUp - 1])];
        var stages = new Dictionary<string, double>
        {
            ["iteration"] = timed.Median(),
            ["prepare"] = experiment.PrepareSeconds * 1000,
        };
        return (stages, timed, [.. stamps.Take(row.WarmUp)]);
    }

    private IImageDataset Open(DatasetRequest request)
    {
        lock (_gate)
        {
            if (!_opened.TryGetValue(request, out IImageDataset? data))
            {
                data = open(request);
                _opened[request] = data;
            }

            return data;
        }
    }
}
