using ILrg.Restoration.Registry;

namespace ILrg.Trials;

/// <summary>A comparison: several methods on the identical updates of one experiment's trials.</summary>
/// <param name="Experiment">Dataset, model, N, T, seed, distribution, client mode, α, auxiliary size (its Method is
/// ignored).</param>
/// <param name="Methods">"all" or a comma-separated list of <see cref="RestorerRegistry"/> names.</param>
public sealed record ComparisonSpec(ExperimentSpec Experiment, string Methods = "all");
