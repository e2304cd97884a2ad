using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;

namespace ILrg.Experiments;

/// <summary>One label-restoration experiment: T independent trials of one configuration.</summary>
/// <param name="Dataset">Which data.</param>
/// <param name="Model">Which model (re-initialised per trial from the trial's seed: untrained, as the paper).</param>
/// <param name="BatchSize">N ≥ 1.</param>
/// <param name="Trials">T ≥ 1.</param>
/// <param name="Seed">Base seed; trial t uses seeds derived from (Seed, t).</param>
/// <param name="Distribution">Batch label distribution.</param>
/// <param name="ClassesInBatch">m for balanced / random2.</param>
/// <param name="Method">Restorer name (see <see cref="RestorerCatalog"/>).</param>
/// <param name="Alpha">iLRG's α.</param>
/// <param name="Mode">Client in eval (reference) or train mode.</param>
/// <param name="ChunkSize">Images per forward chunk in the client.</param>
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
    int ChunkSize = Client.DefaultChunkSize);
