using System.Diagnostics;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Metrics;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Restoration;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Experiments;

/// <summary>Runs the trials of an <see cref="ExperimentSpec"/>: sample → fresh model → client → attacker → metrics.</summary>
public static class ExperimentRunner
{
    /// <summary>Seed stream labels, so batch and model seeds of a trial are independent.</summary>
    private const ulong BatchStream = 1, ModelStream = 2;

    /// <summary>Runs the experiment on an opened dataset.</summary>
    /// <param name="spec">The configuration.</param>
    /// <param name="dataset">The dataset named by the spec.</param>
    /// <param name="onTrial">Called after each trial (progress bars, per-trial lines).</param>
    /// <exception cref="ArgumentException">Bad configuration (N &lt; 1, T &lt; 1, N larger than the dataset, ...).</exception>
    public static ExperimentResult Run(ExperimentSpec spec, IImageDataset dataset, Action<TrialResult>? onTrial = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        Validate(spec, dataset);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        ILabelRestorer restorer = RestorerCatalog.Create(spec.Method, spec.Alpha);
        var sampler = new BatchSampler(dataset);
        var trials = new List<TrialResult>(spec.Trials);
        for (int t = 0; t < spec.Trials; t++)
        {
            TrialResult trial = RunTrial(spec, dataset, sampler, restorer, t);
            trials.Add(trial);
            onTrial?.Invoke(trial);
        }

        var env = RunManifest.Environment();
        var manifest = new RunManifest(
            "ILrg", env.Version, env.GitCommit, env.TorchSharp, env.Runtime, env.Os, started, spec.Seed,
            dataset.Name, dataset.IsSynthetic, StageTimings.Sum(trials.Select(r => r.Timings)));
        return new ExperimentResult(manifest, spec, LabelSummary.Of(trials.Select(r => r.Scores).ToList()), trials);
    }

    /// <summary>One trial, with every native tensor released when it returns.</summary>
    public static TrialResult RunTrial(
        ExperimentSpec spec, IImageDataset dataset, BatchSampler sampler, ILabelRestorer restorer, int index)
    {
        ArgumentNullException.ThrowIfNull(restorer);
        using var scope = NewDisposeScope();
        using TrialSetup setup = PrepareTrial(spec, dataset, sampler, index);
        var clock = Stopwatch.StartNew();
        LabelRestoration restoration = restorer.Restore(setup.Observation);
        double restoreMs = Lap(clock);

        TrialLabelScores scores = LabelMetrics.Score(setup.TrueCounts, restoration.Counts);
        RestorationDiagnostics? diag = restoration.Diagnostics;
        return new TrialResult(
            index, setup.BatchSeed, setup.ModelSeed, setup.TrueCounts, restoration.Counts, restoration.CorrectedCounts,
            diag?.Solution ?? [], scores, diag?.Rank, diag?.ConditionNumber, diag?.RelativeGradientResidual,
            new StageTimings(setup.SampleMs, setup.ModelMs, setup.ClientMs, restoreMs,
                setup.SampleMs + setup.ModelMs + setup.ClientMs + restoreMs));
    }

    /// <summary>
    /// The attack-free part of trial <paramref name="index"/>: batch from the trial's batch seed, a fresh model from its
    /// model seed, the client update and the attacker's observation. Call inside a dispose scope; dispose the result.
    /// </summary>
    public static TrialSetup PrepareTrial(ExperimentSpec spec, IImageDataset dataset, BatchSampler sampler, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(sampler);
        var clock = Stopwatch.StartNew();
        ulong batchSeed = DeterministicRandom.Derive(spec.Seed, BatchStream, (ulong)index);
        ulong modelSeed = DeterministicRandom.Derive(spec.Seed, ModelStream, (ulong)index);
        Batch batch = sampler.Sample(spec.BatchSize, spec.Distribution, batchSeed, spec.ClassesInBatch);
        double sampleMs = Lap(clock);

        using var generator = new Generator(modelSeed);
        Classifier model = ModelZoo.Create(spec.Model, dataset.Shape, dataset.Classes, generator);
        double modelMs = Lap(clock);
        if (spec.Mode == ClientMode.Train)
        {
            random.manual_seed((long)(modelSeed >> 1)); // Dropout draws from torch's global generator: fix it per trial.
        }

        try
        {
            ClientUpdate update = Client.LastLayerClosedForm(model, batch, spec.Mode, spec.ChunkSize);
            double clientMs = Lap(clock);
            LastLayerObservation observation = AttackerView.Observe(model, update);
            return new TrialSetup(index, batchSeed, modelSeed, batch, model, observation, sampleMs, modelMs, clientMs);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Checks a spec against its dataset (N, T, chunk size, N ≤ dataset size).</summary>
    /// <exception cref="ArgumentException">Bad configuration.</exception>
    public static void Validate(ExperimentSpec spec, IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        Guard.AtLeast(spec.BatchSize, 1, "batch size");
        Guard.AtLeast(spec.Trials, 1, "trials");
        Guard.AtLeast(spec.ChunkSize, 1, "chunk size");
        if (spec.BatchSize > dataset.Count)
        {
            throw new ArgumentException(
                $"batch size {spec.BatchSize} exceeds the {dataset.Count} images of {dataset.Name}");
        }
    }

    private static double Lap(Stopwatch clock)
    {
        double ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
