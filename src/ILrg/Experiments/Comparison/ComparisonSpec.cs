namespace ILrg.Experiments.Comparison;

/// <summary>A comparison: several methods on the identical updates of one experiment's trials.</summary>
/// <param name="Experiment">Dataset, model, N, T, seed, distribution, client mode (its Method is ignored).</param>
/// <param name="Methods">"all" or a comma-separated list of <see cref="RestorerRegistry"/> names.</param>
/// <param name="AuxiliarySize">Held-out images per trial for the methods that calibrate on auxiliary data.</param>
public sealed record ComparisonSpec(ExperimentSpec Experiment, string Methods = "all", int AuxiliarySize = 64);
