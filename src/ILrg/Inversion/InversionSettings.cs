namespace ILrg.Inversion;

/// <summary>Settings of a gradient inversion (SPEC.md §8); the defaults are the reference's MNIST settings.</summary>
/// <param name="Iterations">Optimiser steps per restart (8000 for MNIST FCN-3, 24000 for CIFAR ResNet-18).</param>
/// <param name="Restarts">Independent restarts; the one with the lowest final gradient cost wins.</param>
/// <param name="Seed">Seed of the dummy initialisation (restart r uses a seed derived from it and r).</param>
/// <param name="LearningRate">Adam's learning rate (0.1) for IG; L-BFGS's for DLG (1).</param>
/// <param name="TotalVariation">Weight of the TV prior (1e−4 MNIST, 8e−3 CIFAR).</param>
/// <param name="L2">Weight of the ‖x‖ prior (0 in the reference).</param>
/// <param name="EarlyStopPatience">Stop a restart when its gradient cost has not improved by a relative 1e−4 for this
/// many iterations; null runs every iteration.</param>
/// <param name="ProgressEvery">Record the cost in the loss curve every this many iterations.</param>
public sealed record InversionSettings(
    int Iterations = 8000,
    int Restarts = 3,
    ulong Seed = 0,
    double LearningRate = 0.1,
    double TotalVariation = 1e-4,
    double L2 = 0.0,
    int? EarlyStopPatience = null,
    int ProgressEvery = 10)
{
    /// <summary>Checks the values; messages name the offending one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(Restarts, 1, nameof(Restarts));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressEvery, 1, nameof(ProgressEvery));
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate,
                "must be a positive finite number");
        }

        if (!double.IsFinite(TotalVariation) || TotalVariation < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TotalVariation), TotalVariation,
                "must be a finite number ≥ 0");
        }

        if (!double.IsFinite(L2) || L2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(L2), L2, "must be a finite number ≥ 0");
        }

        if (EarlyStopPatience is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyStopPatience), EarlyStopPatience, "must be at least 1");
        }
    }
}
