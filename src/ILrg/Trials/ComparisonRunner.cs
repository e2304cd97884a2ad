using ILrg.Data;
using ILrg.Metrics;
using ILrg.Numerics;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using static TorchSharp.torch;

namespace ILrg.Trials;

/// <summary>
/// Runs several restoration methods on identical updates: per trial ONE batch, ONE model and ONE client update
/// (<see cref="TrialPipeline.Prepare"/>), and every method restores from that same observation.
/// </summary>
public static class ComparisonRunner
{
    /// <summary>Runs the comparison on an opened dataset.</summary>
    /// <param name="spec">The comparison.</param>
    /// <param name="dataset">The dataset named by the spec.</param>
    /// <param name="onTrial">Called after each trial.</param>
    /// <param name="shard">Run only the trials t with t mod n = i − 1 (a partial result; <see
    /// cref="ResultMerge"/>).</param>
    /// <param name="cancellation">Checked before each trial.</param>
    /// <exception cref="ArgumentException">Bad configuration, an unknown method or a shard without trials.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the trials finished so far went to
    /// <paramref name="onTrial"/>.</exception>
    public static ComparisonResult Run(
        ComparisonSpec spec, IImageDataset dataset, Action<ComparisonTrial>? onTrial = null, WorkShard? shard = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ExperimentSpec experiment = spec.Experiment;
        TrialPipeline.Validate(experiment, dataset);
        IReadOnlyList<RestorerDescriptor> methods = RestorerRegistry.Select(spec.Methods);
        var started = DateTimeOffset.UtcNow;
        var sampler = new BatchSampler(dataset);
        var trials = new List<ComparisonTrial>(experiment.Trials);
        foreach (int t in ResultMerge.TrialsOf(experiment.Trials, shard))
        {
            cancellation.ThrowIfCancellationRequested();
            ComparisonTrial trial = RunTrial(spec, dataset, sampler, methods, t);
            trials.Add(trial);
            onTrial?.Invoke(trial);
        }

        return Summarise(spec, dataset, trials, started, shard);
    }

    /// <summary>The result of the trials that ran (all of them, or those finished before an interruption).</summary>
    public static ComparisonResult Summarise(
        ComparisonSpec spec, IImageDataset dataset, IReadOnlyList<ComparisonTrial> trials, DateTimeOffset started,
        WorkShard? shard = null, bool interrupted = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var summaries = Summarise(RestorerRegistry.Select(spec.Methods), trials);
        var manifest = RunManifest.Create("ilrg compare", spec.Experiment.Seed, spec, [dataset], started, shard: shard);
        return new ComparisonResult(manifest, spec, summaries, trials, interrupted);
    }

    /// <summary>One trial: the shared update, then every method on it.</summary>
    public static ComparisonTrial RunTrial(
        ComparisonSpec spec, IImageDataset dataset, BatchSampler sampler, IReadOnlyList<RestorerDescriptor> methods, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(methods);
        using var scope = NewDisposeScope();
        using PreparedTrial trial = TrialPipeline.Prepare(spec.Experiment, dataset, sampler, index);
        Batch? auxiliary = TrialPipeline.AuxiliaryFor(spec.Experiment, dataset, trial, methods);
        var results = new List<MethodTrial>(methods.Count);
        foreach (RestorerDescriptor method in methods)
        {
            var (restoration, ms) = TrialPipeline.Restore(spec.Experiment, dataset, trial, method, auxiliary);
            results.Add(new MethodTrial(
                method.Name, restoration.Counts, LabelMetrics.Score(trial.TrueCounts, restoration.Counts), ms,
                EnumText.FlagsOf(restoration.Check(spec.Experiment.BatchSize)),
                trial.SoftCounts is { } soft ? LabelMetrics.SoftCountMae(soft, restoration.Counts) : null));
        }

        return new ComparisonTrial(
            index, trial.BatchSeed, trial.ModelSeed, trial.TrueCounts, results, trial.SoftCounts, trial.Privacy);
    }

    /// <summary>Every method's summary over <paramref name="trials"/>.</summary>
    internal static List<MethodSummary> Summarise(
        IReadOnlyList<RestorerDescriptor> methods, IReadOnlyList<ComparisonTrial> trials) =>
        [.. methods.Select(m => Summarise(m, trials))];

    private static MethodSummary Summarise(RestorerDescriptor method, IReadOnlyList<ComparisonTrial> trials)
    {
        var own = trials.Select(t => t.Methods.First(m => m.Method == method.Name)).ToList();
        LabelSummary labels = LabelSummary.Of(own.Select(m => m.Scores).ToList());
        Interval mae = Interval.OfMean(own.Select(m => m.Scores.CountMae).ToArray(), ceiling: double.PositiveInfinity);
        double[] soft = own.Where(m => m.SoftCountMae is not null).Select(m => m.SoftCountMae!.Value).ToArray();
        return new MethodSummary(
            method.Name, method.Summary, method.Bound, method.InstanceWise, labels, mae, own.Average(m => m.RestoreMs),
            soft.Length > 0 ? soft.Average() : null,
            soft.Length > 0 ? Interval.OfMean(soft, ceiling: double.PositiveInfinity) : null);
    }
}
