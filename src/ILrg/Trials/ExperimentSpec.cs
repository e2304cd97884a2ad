using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration.Registry;

namespace ILrg.Trials;

/// <summary>One configuration of the trial pipeline: T independent trials, each a fresh batch, model and update.</summary>
/// <param name="Dataset">Which data.</param>
/// <param name="Model">Which model (re-initialised per trial from the trial's seed: untrained, as the paper).</param>
/// <param name="BatchSize">N ≥ 1.</param>
/// <param name="Trials">T ≥ 1.</param>
/// <param name="Seed">Base seed; trial t uses seeds derived from (Seed, stream, t).</param>
/// <param name="Distribution">Batch label distribution.</param>
/// <param name="ClassesInBatch">m for balanced / random2.</param>
/// <param name="Method">Restorer name (see <see cref="RestorerRegistry"/>); <c>compare</c> names its own list.</param>
/// <param name="Alpha">iLRG's α.</param>
/// <param name="Mode">Client in eval (reference) or train mode.</param>
/// <param name="ChunkSize">Images per forward chunk in the client.</param>
/// <param name="AuxiliarySize">Held-out images per trial for the methods that calibrate on auxiliary data.</param>
/// <param name="ModelPer">A fresh model per trial (ILrg's default) or one model per run (the paper's protocol: every
/// trial attacks the model of trial 0).</param>
/// <param name="Device">Where the model and the client's tensors live: "cpu" or "cuda" (resolved by
/// <see cref="ComputeDevice.Resolve"/>); restoration always runs on the CPU.</param>
/// <param name="Federation">The federated setting (protocol, loss, defences, non-IID batches, threat model; issue 11);
/// null is the paper's setting, under which every trial is exactly what it was before.</param>
public sealed record ExperimentSpec(
    DatasetRequest Dataset,
    ModelSpec Model,
    int BatchSize,
    int Trials,
    ulong Seed,
    BatchDistribution Distribution = BatchDistribution.Random,
    int? ClassesInBatch = null,
    string Method = "ilrg",
    double Alpha = 1.0,
    ClientMode Mode = ClientMode.Eval,
    int ChunkSize = Client.DefaultChunkSize,
    int AuxiliarySize = 64,
    ModelProtocol ModelPer = ModelProtocol.Trial,
    string Device = ComputeDevice.Cpu,
    FederationSpec? Federation = null)
{
    /// <summary>The federated setting, the paper's when none is given.</summary>
    public FederationSpec FederationOrDefault() => Federation ?? FederationSpec.Default;
}
