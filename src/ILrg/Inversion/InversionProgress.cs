namespace ILrg.Inversion;

/// <summary>A progress report of a running inversion.</summary>
/// <param name="Restart">Zero-based restart index.</param>
/// <param name="Iteration">Iterations done in this restart.</param>
/// <param name="GradientCost">The gradient-matching cost at this iteration (without priors).</param>
public sealed record InversionProgress(int Restart, int Iteration, double GradientCost);
