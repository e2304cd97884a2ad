using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>One checkpoint of a training trend, with the attack's summary when it was attacked.</summary>
/// <param name="Iteration">Training step of the checkpoint (0 = untrained).</param>
/// <param name="TrainLoss">Mean training loss since the previous checkpoint (NaN at 0).</param>
/// <param name="TrainAccuracy">Mean training accuracy since the previous checkpoint (NaN at 0).</param>
/// <param name="Checkpoint">The checkpoint file.</param>
/// <param name="Attack">iLRG's scores on batches attacked through this checkpoint, or null.</param>
public sealed record TrendPoint(int Iteration, double TrainLoss, double TrainAccuracy, string Checkpoint,
    LabelSummary? Attack);
