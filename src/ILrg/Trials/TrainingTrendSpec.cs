using ILrg.Data;
using ILrg.Models;
using ILrg.Training;

namespace ILrg.Trials;

/// <summary>Train a model, save checkpoints, and optionally attack every checkpoint (the trained-model trend, SPEC
/// §9).</summary>
/// <param name="TrainData">Training data.</param>
/// <param name="AttackData">Where the attacked batches come from.</param>
/// <param name="Model">The model.</param>
/// <param name="Options">The training recipe (its seed also seeds the attacks).</param>
/// <param name="OutputDirectory">Checkpoint folder.</param>
/// <param name="AttackBatchSize">N of the attacked batches, or null for training only.</param>
/// <param name="AttackTrials">Trials per checkpoint.</param>
public sealed record TrainingTrendSpec(
    DatasetRequest TrainData, DatasetRequest AttackData, ModelSpec Model, TrainingOptions Options,
    string OutputDirectory, int? AttackBatchSize, int AttackTrials);
