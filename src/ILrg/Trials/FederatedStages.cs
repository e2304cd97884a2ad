using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Restoration.Registry;

namespace ILrg.Trials;

/// <summary>
/// The federated stages of <see cref="TrialPipeline.Prepare"/> (issue 11): the client's batch (Dirichlet non-IID or
/// the experiment's distribution), the client's update (closed-form FedSGD, or an autograd client for FedAvg, loss
/// variants and DP-SGD), and the defence on the shared update. Under the default <see cref="FederationSpec"/> every
/// stage is the paper's and draws nothing new, so existing trials, claims and goldens are unchanged.
/// </summary>
public static class FederatedStages
{
    /// <summary>What the client shared and what the defence cost.</summary>
    /// <param name="Shared">The update after the defence (what the attacker observes).</param>
    /// <param name="Cosine">Cosine similarity of the shared update to the undefended one (when measured and a defence
    /// is active).</param>
    /// <param name="Privacy">DP-SGD's (ε, δ) for this client's local training, or null.</param>
    public sealed record SharedUpdate(ClientUpdate Shared, double? Cosine, PrivacySpent? Privacy);

    /// <summary>The client's batch.</summary>
    public static Batch SampleBatch(ExperimentSpec spec, BatchSampler sampler, ulong batchSeed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sampler);
        return spec.FederationOrDefault().DirichletAlpha is { } alpha
            ? sampler.SampleDirichlet(spec.BatchSize, alpha, batchSeed)
            : sampler.Sample(spec.BatchSize, spec.Distribution, batchSeed, spec.ClassesInBatch);
    }

    /// <summary>The client's update, defended, for trial <paramref name="index"/>.</summary>
    /// <param name="spec">The experiment.</param>
    /// <param name="model">The global model (unchanged on return).</param>
    /// <param name="batch">The client's batch.</param>
    /// <param name="kind">Final layer only or every parameter (autograd clients always share every parameter).</param>
    /// <param name="index">The trial.</param>
    /// <param name="measureDistortion">Also compute the cosine to the undefended update (for a training-time defence
    /// this runs the client a second time without it, on the same seeds).</param>
    public static SharedUpdate Compute(
        ExperimentSpec spec, Classifier model, Batch batch, UpdateKind kind, int index, bool measureDistortion)
    {
        ArgumentNullException.ThrowIfNull(spec);
        FederationSpec federation = spec.FederationOrDefault();
        ClientUpdate computed = RunClient(spec, federation, model, batch, kind, index);
        UpdateDefence defence = federation.Defence;
        ClientUpdate shared = Defend(spec, defence, model, batch, computed, index);

        double? cosine = null;
        if (measureDistortion && (defence.Kind != DefenceKind.None || federation.HasTrainingDefence))
        {
            ClientUpdate reference = federation.HasTrainingDefence
                ? RunClient(spec, federation.WithoutTrainingDefences(), model, batch, kind, index)
                : computed;
            cosine = UpdateDefences.Cosine(reference, shared);
        }

        LocalTraining local = federation.Local;
        PrivacySpent? privacy = federation.DpSgd?.Spent(
            local.BatchFor(batch.Size), batch.Size, local.Steps(batch.Size));
        return new SharedUpdate(shared, cosine, privacy);
    }

    /// <summary>The defence stage: <paramref name="defence"/> applied to the update the client computed in trial
    /// <paramref name="index"/> (its noise from the trial's defence seed; Soteria's mask from the client's model and
    /// batch).</summary>
    public static ClientUpdate Defend(
        ExperimentSpec spec, UpdateDefence defence, Classifier model, Batch batch, ClientUpdate computed, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(defence);
        if (defence.Kind == DefenceKind.None)
        {
            return computed;
        }

        bool[]? pruned = defence.Kind == DefenceKind.Soteria
            ? SoteriaMask.Compute(model, batch, spec.Mode, defence.Strength)
            : null;
        return UpdateDefences.Apply(computed, defence, SeedStreams.ForTrial(spec.Seed, SeedPurpose.Defence, index),
            pruned);
    }

    /// <summary>The expected label mass per class when the client's loss is not plain cross-entropy, else
    /// null.</summary>
    public static ImmutableArray<double>? SoftCounts(ExperimentSpec spec, IReadOnlyList<int> trueCounts)
    {
        ArgumentNullException.ThrowIfNull(spec);
        LossVariant loss = spec.FederationOrDefault().Loss;
        return loss.IsActive ? loss.ExpectedSoftCounts(trueCounts) : null;
    }

    /// <summary>
    /// <paramref name="perClass"/> images of every class drawn from the dataset images NOT in the client's batch (all
    /// of a class's remaining images when it has fewer), from <paramref name="seed"/>.
    /// </summary>
    public static Batch HeldOutPerClass(IImageDataset dataset, Batch batch, int perClass, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(batch);
        Guard.AtLeast(perClass, 1, "auxiliary images per class");
        var used = batch.Indices.ToHashSet();
        var rng = new DeterministicRandom(seed);
        var byClass = Enumerable.Range(0, dataset.Count).Where(i => !used.Contains(i)).GroupBy(dataset.LabelOf)
            .OrderBy(g => g.Key);
        int[] indices = [.. byClass.SelectMany(g =>
        {
            int[] pool = g.ToArray();
            return rng.SampleWithoutReplacement(pool, Math.Min(perClass, pool.Length));
        })];
        if (indices.Length == 0)
        {
            throw new ArgumentException($"{dataset.Name} has no images outside the client's batch for auxiliary data");
        }

        return new Batch(dataset, indices, indices.Select(dataset.LabelOf).ToArray());
    }

    /// <summary>What a method knows in this experiment (printed beside its score).</summary>
    public static ThreatModel ThreatModelOf(ExperimentSpec spec, RestorerDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(method);
        return ThreatModel.For(
            spec.FederationOrDefault(), method.Inputs.HasFlag(RestorerInputs.Model),
            method.Inputs.HasFlag(RestorerInputs.LocalHyperParameters),
                method.Inputs.HasFlag(RestorerInputs.AuxiliaryData),
            spec.AuxiliarySize, $"held-out {spec.Dataset.Split} images of {spec.Dataset.Name}");
    }

    private static ClientUpdate RunClient(
        ExperimentSpec spec, FederationSpec federation, Classifier model, Batch batch, UpdateKind kind, int index)
    {
        if (!federation.NeedsAutogradClient)
        {
            return kind == UpdateKind.WholeModel
                ? Federated.Client.FullGradient(model, batch, spec.Mode)
                : Federated.Client.LastLayerClosedForm(model, batch, spec.Mode, spec.ChunkSize);
        }

        return LocalTrainer.Run(
            model, batch, spec.Mode, federation, SeedStreams.ForTrial(spec.Seed, SeedPurpose.FederatedClient, index));
    }
}
