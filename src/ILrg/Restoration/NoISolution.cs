namespace ILrg.Restoration;

/// <summary>The pseudoinverse solution of an NoI system with its conditioning.</summary>
/// <param name="Values">x = A⁺·rhs, one entry per unknown.</param>
/// <param name="Rank">Singular values above the cutoff.</param>
/// <param name="ConditionNumber">Largest over smallest retained singular value.</param>
public sealed record NoISolution(double[] Values, int Rank, double ConditionNumber);
