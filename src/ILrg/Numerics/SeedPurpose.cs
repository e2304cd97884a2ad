namespace ILrg.Numerics;

/// <summary>
/// The named random streams (purposes) of ILrg. Each stream's seed is derived from the run's base seed, the stream and (for
/// per-trial streams) the trial index with <see cref="SeedStreams"/>, so that changing one stage's use of
/// randomness never moves another stage's draws, and the same seed gives the same counts (SPEC.md §10).
/// </summary>
/// <remarks>The numeric values are part of the reproducibility contract: goldens and checkpoints depend on them.
/// Add new streams with new values; never reuse or renumber one.</remarks>
public enum SeedPurpose : ulong
{
    /// <summary>The client's batch (per trial).</summary>
    Batch = 1,

    /// <summary>The freshly initialised model (per trial); also Dropout masks in train mode.</summary>
    Model = 2,

    /// <summary>The attacker's held-out auxiliary images (per trial).</summary>
    Auxiliary = 3,

    /// <summary>A restoration method's own randomness (per trial).</summary>
    Method = 4,

    /// <summary>The gradient inverter's dummy images and restarts (per trial).</summary>
    Inversion = 5,

    /// <summary>Which restored labels a label-error sweep corrupts (per trial and error count).</summary>
    LabelErrors = 6,

    /// <summary>The initial weights of a model trained by <c>ilrg train</c> (per run).</summary>
    TrainingModel = 7,

    /// <summary>The order of training images (per run).</summary>
    TrainingOrder = 8,

    /// <summary>The federated client's own randomness (per trial): local batch order, mixup draws, DP-SGD noise.
    /// (Issue 11; numbered from 21 so that streams added by parallel work never collide.)</summary>
    FederatedClient = 21,

    /// <summary>The noise of a defence applied to the shared update (per trial).</summary>
    Defence = 22,

    /// <summary>The simulated FedAvg training that measures a defence's utility cost (per run).</summary>
    UtilityTraining = 23,
}
