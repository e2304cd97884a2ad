namespace ILrg.Training;

/// <summary>How <see cref="Trainer"/> trains a model (defaults: the paper's recipe for its trained models).</summary>
/// <param name="Iterations">Total SGD steps.</param>
/// <param name="BatchSize">Images per step (128).</param>
/// <param name="LearningRate">Initial learning rate (0.1).</param>
/// <param name="Momentum">Nesterov momentum (0.9).</param>
/// <param name="WeightDecay">L2 weight decay (5e-4).</param>
/// <param name="CheckpointEvery">Save a checkpoint every k iterations (and at 0 and at the end).</param>
/// <param name="Seed">Seeds the initial weights and the order of the training images.</param>
/// <remarks>
/// SPEC.md §9 (trained models): SGD with Nesterov momentum 0.9, lr 0.1, weight decay 5e-4, batch 128, the learning
/// rate multiplied by 0.1 after 3/8, 5/8 and 7/8 of the iterations.
/// </remarks>
public sealed record TrainingOptions(
    int Iterations,
    int BatchSize = 128,
    double LearningRate = 0.1,
    double Momentum = 0.9,
    double WeightDecay = 5e-4,
    int CheckpointEvery = 100,
    ulong Seed = 0)
{
    /// <summary>The learning rate in force at step <paramref name="iteration"/> (0-based).</summary>
    public double LearningRateAt(int iteration)
    {
        double lr = LearningRate;
        foreach (int milestone in Milestones())
        {
            if (iteration >= milestone)
            {
                lr *= 0.1;
            }
        }

        return lr;
    }

    /// <summary>The steps after which the learning rate drops: ⌊3T/8⌋, ⌊5T/8⌋, ⌊7T/8⌋.</summary>
    public IReadOnlyList<int> Milestones() => [3 * Iterations / 8, 5 * Iterations / 8, 7 * Iterations / 8];
}
