using System.Diagnostics;
using ILrg.Data;
using ILrg.Metrics;
using ILrg.Numerics;
using ILrg.Restoration;
using static TorchSharp.torch;

namespace ILrg.Experiments.Comparison;

/// <summary>
/// Runs several restoration methods on identical updates: per trial ONE batch, ONE model and ONE client update
/// (<see cref="ExperimentRunner.PrepareTrial"/>), and every method restores from that same observation.
/// </summary>
public static class ComparisonRunner
{
    private const ulong AuxiliaryStream = 3, MethodStream = 4;
    private const double Z = 1.959963984540054;

    /// <summary>Runs the comparison on an opened dataset.</summary>
    /// <exception cref="ArgumentException">Bad configuration or an unknown method.</exception>
    public static ComparisonResult Run(ComparisonSpec spec, IImageDataset dataset, Action<ComparisonTrial>? onTrial = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ExperimentSpec experiment = spec.Experiment;
        ExperimentRunner.Validate(experiment, dataset);
        Guard.AtLeast(spec.AuxiliarySize, 1, "auxiliary size");
        IReadOnlyList<RestorerDescriptor> methods = RestorerRegistry.Select(spec.Methods);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var sampler = new BatchSampler(dataset);
        var trials = new List<ComparisonTrial>(experiment.Trials);
        for (int t = 0; t < experiment.Trials; t++)
        {
            ComparisonTrial trial = RunTrial(spec, dataset, sampler, methods, t);
            trials.Add(trial);
            onTrial?.Invoke(trial);
        }

        var summaries = methods.Select(m => Summarise(m, trials)).ToList();
        var env = RunManifest.Environment();
        var manifest = new RunManifest(
            "ILrg compare", env.Version, env.GitCommit, env.TorchSharp, env.Runtime, env.Os, started, experiment.Seed,
            dataset.Name, dataset.IsSynthetic, new StageTimings(0, 0, 0, 0, (DateTimeOffset.UtcNow - started).TotalMilliseconds));
        return new ComparisonResult(manifest, spec, summaries, trials);
    }

    /// <summary>One trial: the shared update, then every method on it.</summary>
    public static ComparisonTrial RunTrial(
        ComparisonSpec spec, IImageDataset dataset, BatchSampler sampler, IReadOnlyList<RestorerDescriptor> methods, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(methods);
        using var scope = NewDisposeScope();
        using TrialSetup setup = ExperimentRunner.PrepareTrial(spec.Experiment, dataset, sampler, index);
        ulong methodSeed = DeterministicRandom.Derive(spec.Experiment.Seed, MethodStream, (ulong)index);
        Batch? auxiliary = methods.Any(m => m.Inputs.HasFlag(RestorerInputs.AuxiliaryData))
            ? HeldOut(dataset, setup.Batch, spec.AuxiliarySize, DeterministicRandom.Derive(spec.Experiment.Seed, AuxiliaryStream, (ulong)index))
            : null;
        var results = new List<MethodTrial>(methods.Count);
        foreach (RestorerDescriptor method in methods)
        {
            // Only the oracle (an upper bound) declares Truth; nobody else gets it.
            var context = new RestorerContext(
                methodSeed, setup.Model, dataset.Shape, auxiliary,
                method.Inputs.HasFlag(RestorerInputs.Truth) ? setup.TrueCounts : null);
            var clock = Stopwatch.StartNew();
            LabelRestoration restoration;
            using (NewDisposeScope())
            {
                restoration = method.Create(context).Restore(setup.Observation);
            }

            double ms = clock.Elapsed.TotalMilliseconds;
            results.Add(new MethodTrial(
                method.Name, restoration.Counts, LabelMetrics.Score(setup.TrueCounts, restoration.Counts), ms));
        }

        return new ComparisonTrial(index, setup.BatchSeed, setup.ModelSeed, setup.TrueCounts, results);
    }

    /// <summary>
    /// <paramref name="size"/> images drawn uniformly from the dataset images NOT in the client's batch (as many as
    /// exist), from <paramref name="seed"/>.
    /// </summary>
    public static Batch HeldOut(IImageDataset dataset, Batch batch, int size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(batch);
        var used = batch.Indices.ToHashSet();
        int[] pool = Enumerable.Range(0, dataset.Count).Where(i => !used.Contains(i)).ToArray();
        if (pool.Length == 0)
        {
            throw new ArgumentException($"{dataset.Name} has no images outside the client's batch for auxiliary data");
        }

        int[] indices = new DeterministicRandom(seed).SampleWithoutReplacement(pool, Math.Min(size, pool.Length));
        return new Batch(dataset, indices, indices.Select(dataset.LabelOf).ToArray());
    }

    private static MethodSummary Summarise(RestorerDescriptor method, IReadOnlyList<ComparisonTrial> trials)
    {
        var own = trials.Select(t => t.Methods.First(m => m.Method == method.Name)).ToList();
        LabelSummary labels = LabelSummary.Of(own.Select(m => m.Scores).ToList());
        double[] mae = own.Select(m => m.Scores.CountMae).ToArray();
        return new MethodSummary(
            method.Name, method.Summary, method.Bound, method.InstanceWise, labels, MeanInterval(mae),
            own.Average(m => m.RestoreMs));
    }

    /// <summary>Mean ± z·s/√n, lower end clipped at 0 (for non-negative, unbounded figures such as the MAE).</summary>
    internal static Interval MeanInterval(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        if (values.Count < 2)
        {
            return new Interval(mean, mean);
        }

        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        double half = Z * Math.Sqrt(variance / values.Count);
        return new Interval(Math.Max(0, mean - half), mean + half);
    }
}
