namespace ILrg.Training;

/// <summary>One saved checkpoint of a training run.</summary>
/// <param name="Iteration">SGD steps taken before saving (0 = the initial, untrained weights).</param>
/// <param name="Path">The weights file.</param>
/// <param name="TrainLoss">Mean cross-entropy of the steps since the previous checkpoint (NaN at iteration 0).</param>
/// <param name="TrainAccuracy">Mean batch accuracy of those steps (NaN at iteration 0).</param>
public sealed record TrainingCheckpoint(int Iteration, string Path, double TrainLoss, double TrainAccuracy);
