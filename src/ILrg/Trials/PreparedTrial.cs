using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration;

namespace ILrg.Trials;

/// <summary>
/// One trial of the pipeline before any attack: the sampled batch (truth), the freshly initialised model, the client's
/// update and what the attacker observes. Every method of a comparison restores from this same observation.
/// Owns the model; dispose it when the trial is done.
/// </summary>
public sealed class PreparedTrial : IDisposable
{
    internal PreparedTrial(
        int index, ulong batchSeed, ulong modelSeed, Batch batch, Classifier model, ClientUpdate update,
        LastLayerObservation observation, double sampleMs, double modelMs, double clientMs)
    {
        Index = index;
        BatchSeed = batchSeed;
        ModelSeed = modelSeed;
        Batch = batch;
        Model = model;
        Update = update;
        Observation = observation;
        TrueCounts = [.. batch.Counts()];
        SampleMs = sampleMs;
        ModelMs = modelMs;
        ClientMs = clientMs;
    }

    /// <summary>Trial index.</summary>
    public int Index { get; }

    /// <summary>Seed of the batch draw.</summary>
    public ulong BatchSeed { get; }

    /// <summary>Seed of the model initialisation.</summary>
    public ulong ModelSeed { get; }

    /// <summary>The client's batch (the truth: scoring only, never given to an attack).</summary>
    public Batch Batch { get; }

    /// <summary>The model the update was computed on (owned by this trial).</summary>
    public Classifier Model { get; }

    /// <summary>What the client sent.</summary>
    public ClientUpdate Update { get; }

    /// <summary>What the attacker sees of the final layer.</summary>
    public LastLayerObservation Observation { get; }

    /// <summary>True per-class counts.</summary>
    public ImmutableArray<int> TrueCounts { get; }

    /// <summary>Milliseconds spent sampling the batch.</summary>
    public double SampleMs { get; }

    /// <summary>Milliseconds spent building the model.</summary>
    public double ModelMs { get; }

    /// <summary>Milliseconds spent in the client.</summary>
    public double ClientMs { get; }

    /// <summary>The expected label mass per class when the client's loss is label smoothing or mixup (issue
    /// 11).</summary>
    public ImmutableArray<double>? SoftCounts { get; init; }

    /// <summary>Cosine of the shared update to the undefended one, when measured and a defence is active.</summary>
    public double? DefenceCosine { get; init; }

    /// <summary>DP-SGD's (ε, δ) for the client's local training, when DP-SGD is on.</summary>
    public PrivacySpent? Privacy { get; init; }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
