using System.Diagnostics;
using ILrg.Data;
using ILrg.Metrics;
using ILrg.Numerics;
using ILrg.Reporting;
using ILrg.Restoration;
using ILrg.Restoration.Registry;
using static TorchSharp.torch;

namespace ILrg.Trials;

/// <summary>Runs the trials of an <see cref="ExperimentSpec"/> with its one method: <see cref="TrialPipeline"/> →
/// metrics.</summary>
public static class ExperimentRunner
{
    /// <summary>Runs the experiment on an opened dataset.</summary>
    /// <param name="spec">The configuration.</param>
    /// <param name="dataset">The dataset named by the spec.</param>
    /// <param name="onTrial">Called after each trial (progress bars, per-trial lines).</param>
    /// <param name="shard">Run only the trials t with t mod n = i − 1 (a partial result; <see
    /// cref="ResultMerge"/>).</param>
    /// <param name="cancellation">Checked before each trial.</param>
    /// <exception cref="ArgumentException">Bad configuration (N &lt; 1, T &lt; 1, N larger than the dataset, a shard
    /// without trials, ...).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the trials finished so far went to
    /// <paramref name="onTrial"/>.</exception>
    public static ExperimentResult Run(
        ExperimentSpec spec, IImageDataset dataset, Action<TrialResult>? onTrial = null, WorkShard? shard = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        TrialPipeline.Validate(spec, dataset);
        RestorerDescriptor method = RestorerRegistry.Find(spec.Method);
        var started = DateTimeOffset.UtcNow;
        var sampler = new BatchSampler(dataset);
        var trials = new List<TrialResult>(spec.Trials);
        foreach (int t in ResultMerge.TrialsOf(spec.Trials, shard))
        {
            cancellation.ThrowIfCancellationRequested();
            TrialResult trial = RunTrial(spec, dataset, sampler, method, t);
            trials.Add(trial);
            onTrial?.Invoke(trial);
        }

        return Summarise(spec, dataset, trials, started, shard);
    }

    /// <summary>The result of the trials that ran (all of them, or those finished before an interruption).</summary>
    public static ExperimentResult Summarise(
        ExperimentSpec spec, IImageDataset dataset, IReadOnlyList<TrialResult> trials, DateTimeOffset started,
        WorkShard? shard = null, bool interrupted = false)
    {
        ArgumentNullException.ThrowIfNull(trials);
        StageTimings totals = StageTimings.Sum(trials.Select(r => r.Timings));
        var manifest = RunManifest.Create("ilrg run", spec.Seed, spec, [dataset], started, totals.ByStage(), shard);
        return new ExperimentResult(
            manifest, spec, LabelSummary.Of(trials.Select(r => r.Scores).ToList()), trials, interrupted);
    }

    /// <summary>One trial, with every native tensor released when it returns.</summary>
    public static TrialResult RunTrial(
        ExperimentSpec spec, IImageDataset dataset, BatchSampler sampler, RestorerDescriptor method, int index)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var scope = NewDisposeScope();
        using PreparedTrial trial = TrialPipeline.Prepare(spec, dataset, sampler, index);
        Batch? auxiliary = TrialPipeline.AuxiliaryFor(spec, dataset, trial, [method]);
        var (restoration, restoreMs) = TrialPipeline.Restore(spec, dataset, trial, method, auxiliary);

        var clock = Stopwatch.StartNew();
        TrialLabelScores scores = LabelMetrics.Score(trial.TrueCounts, restoration.Counts);
        IReadOnlyList<string> flags = EnumText.FlagsOf(restoration.Check(spec.BatchSize));
        double metricsMs = clock.Elapsed.TotalMilliseconds;
        RestorationDiagnostics? diag = restoration.Diagnostics;
        return new TrialResult(
            index, trial.BatchSeed, trial.ModelSeed, trial.TrueCounts, restoration.Counts, restoration.CorrectedCounts,
            diag?.Solution ?? [], scores, diag?.Rank, diag?.ConditionNumber, diag?.RelativeGradientResidual,
            new StageTimings(trial.SampleMs, trial.ModelMs, trial.ClientMs, restoreMs,
                trial.SampleMs + trial.ModelMs + trial.ClientMs + restoreMs + metricsMs, metricsMs),
            flags);
    }
}
