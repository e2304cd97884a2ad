using System.Diagnostics;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Restoration.Registry;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Trials;

/// <summary>
/// The one trial pipeline (DESIGN.md, "One trial"): seed streams → batch → fresh model → client update → attacker's
/// view, then restoration by registered methods. <c>run</c>, <c>compare</c>, <c>invert</c>, <c>sweep</c>, the claims and
/// the trained-model attack all build their trials here.
/// </summary>
public static class TrialPipeline
{
    /// <summary>The attack-free part of trial <paramref name="index"/>: batch from the trial's batch seed, a fresh
    /// model from its model seed (under <see cref="ModelProtocol.Run"/> the seed of trial 0, so every trial attacks the
    /// run's one model, rebuilt identically: no state carries from trial to trial, so trials stay independent units),
    /// the client update of <paramref name="kind"/> and the attacker's observation. Call inside a dispose scope;
    /// dispose the result.
    /// </summary>
    /// <param name="spec">The experiment.</param>
    /// <param name="dataset">Its data.</param>
    /// <param name="sampler">The batch sampler of <paramref name="dataset"/>.</param>
    /// <param name="index">The trial.</param>
    /// <param name="kind">Final layer only (label restoration) or every parameter (inversion).</param>
    /// <param name="measureDistortion">Also measure the defence's distortion (cosine to the undefended update).</param>
    public static PreparedTrial Prepare(
        ExperimentSpec spec, IImageDataset dataset, BatchSampler sampler, int index,
            UpdateKind kind = UpdateKind.LastLayer,
        bool measureDistortion = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(sampler);
        var clock = Stopwatch.StartNew();
        ulong batchSeed = SeedStreams.ForTrial(spec.Seed, SeedPurpose.Batch, index);
        ulong trialModelSeed = SeedStreams.ForTrial(spec.Seed, SeedPurpose.Model, index);
        ulong modelSeed = spec.ModelPer == ModelProtocol.Run
            ? SeedStreams.ForTrial(spec.Seed, SeedPurpose.Model, 0) // the run's one model: trial 0's
            : trialModelSeed;
        Batch batch = FederatedStages.SampleBatch(spec, sampler, batchSeed);
        double sampleMs = Lap(clock);

        using var generator = new Generator(modelSeed);
        Classifier model = ModelZoo.Create(spec.Model, dataset.Shape, dataset.Classes, generator);
        if (spec.Device != ComputeDevice.Cpu)
        {
            model.to(ComputeDevice.Torch(spec.Device)); // initialised on the CPU from the seed, then moved
        }

        double modelMs = Lap(clock);
        if (spec.Mode == ClientMode.Train)
        {
            random.manual_seed((long)(trialModelSeed >> 1)); // Dropout draws from torch's global generator: per trial.
        }

        try
        {
            FederatedStages.SharedUpdate shared =
                FederatedStages.Compute(spec, model, batch, kind, index, measureDistortion);
            ClientUpdate update = shared.Shared;
            double clientMs = Lap(clock);
            if (kind == UpdateKind.LastLayer && spec.Device != ComputeDevice.Cpu)
            {
                model.to(CPU); // the attacker's side (restorers, calibration forwards) runs on the CPU
            }

            LastLayerObservation observation = AttackerView.Observe(model, update);
            return new PreparedTrial(
                index, batchSeed, modelSeed, batch, model, update, observation, sampleMs, modelMs, clientMs)
            {
                SoftCounts = FederatedStages.SoftCounts(spec, batch.Counts()),
                DefenceCosine = shared.Cosine,
                Privacy = shared.Privacy,
            };
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The attacker's auxiliary images for a trial when any of <paramref name="methods"/> needs them: the spec's
    /// auxiliary size drawn from the dataset images NOT in the client's batch; null otherwise.
    /// </summary>
    public static Batch? AuxiliaryFor(
        ExperimentSpec spec, IImageDataset dataset, PreparedTrial trial, IEnumerable<RestorerDescriptor> methods)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(methods);
        if (!methods.Any(m => m.Inputs.HasFlag(RestorerInputs.AuxiliaryData)))
        {
            return null;
        }

        ulong seed = SeedStreams.ForTrial(spec.Seed, SeedPurpose.Auxiliary, trial.Index);
        return spec.FederationOrDefault().AuxiliaryPerClass is { } perClass
            ? FederatedStages.HeldOutPerClass(dataset, trial.Batch, perClass, seed)
            : HeldOut(dataset, trial.Batch, spec.AuxiliarySize, seed);
    }

    /// <summary>
    /// Restores the trial's observation with <paramref name="method"/>, built from what the trial offers it (seed, α,
    /// model, auxiliary data; the truth only for the oracle, which declares it), inside its own dispose scope.
    /// </summary>
    /// <returns>The restoration and the wall time of building and running the method, in milliseconds.</returns>
    public static (LabelRestoration Restoration, double Milliseconds) Restore(
        ExperimentSpec spec, IImageDataset dataset, PreparedTrial trial, RestorerDescriptor method, Batch? auxiliary)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(method);
        FederationSpec federation = spec.FederationOrDefault();
        var context = new RestorerContext(
            SeedStreams.ForTrial(spec.Seed, SeedPurpose.Method, trial.Index), spec.Alpha, trial.Model, dataset.Shape,
            auxiliary, method.Inputs.HasFlag(RestorerInputs.Truth) ? trial.TrueCounts : null,
            method.Inputs.HasFlag(RestorerInputs.LocalHyperParameters) && federation.HyperParametersKnown
                ? federation.Local
                : null,
            trial.Update);
        var clock = Stopwatch.StartNew();
        using (NewDisposeScope())
        {
            LabelRestoration restoration = method.Create(context).Restore(trial.Observation);
            return (restoration, clock.Elapsed.TotalMilliseconds);
        }
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

    /// <summary>
    /// Checks a spec against its dataset before anything large is allocated: N, T, chunk and auxiliary sizes, α,
    /// N ≤ dataset size, the chunk size in train mode, and the run's estimated peak memory (<see cref="MemoryEstimate"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Bad configuration, or a run that would not fit in memory.</exception>
    public static void Validate(ExperimentSpec spec, IImageDataset dataset, UpdateKind kind = UpdateKind.LastLayer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        Guard.AtLeast(spec.BatchSize, 1, "batch size");
        Guard.AtLeast(spec.Trials, 1, "trials");
        Guard.AtLeast(spec.ChunkSize, 1, "chunk size");
        Guard.AtLeast(spec.AuxiliarySize, 1, "auxiliary size");
        if (spec.Device != ComputeDevice.Resolve(spec.Device))
        {
            throw new ArgumentException(
                $"device must be resolved to {ComputeDevice.Cpu} or {ComputeDevice.Cuda}, got '{spec.Device}'");
        }

        if (!double.IsFinite(spec.Alpha) || spec.Alpha <= 0)
        {
            throw new ArgumentException($"alpha must be a positive finite number, got {spec.Alpha}");
        }

        spec.FederationOrDefault().Validate(spec.BatchSize);
        if (spec.BatchSize > dataset.Count)
        {
            throw new ArgumentException(
                $"batch size {spec.BatchSize} exceeds the {dataset.Count} images of {dataset.Name}");
        }

        if (spec.Mode == ClientMode.Train && spec.ChunkSize != Client.DefaultChunkSize)
        {
            throw new ArgumentException(
                "--chunk-size does not apply in train mode: BatchNorm normalises with the whole batch's statistics, so " +
                "the client computes the batch in one pass; remove --chunk-size, lower --batch-size, or use --mode eval");
        }

        MemoryEstimate.For(spec, dataset, kind).ThrowIfTooLarge(spec, kind);
    }

    private static double Lap(Stopwatch clock)
    {
        double ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
