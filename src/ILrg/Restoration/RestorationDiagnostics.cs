using System.Collections.Immutable;

namespace ILrg.Restoration;

/// <summary>How the linear system of a solver-based restorer behaved.</summary>
/// <param name="Solution">The real-valued solution before post-processing (one entry per class; 0 for classes
/// outside a simplified system).</param>
/// <param name="Rank">Numerical rank of the system matrix (singular values above the pinv cutoff).</param>
/// <param name="ConditionNumber">Largest over smallest retained singular value.</param>
/// <param name="GradientResidual">‖(Pᵀ − I)·res − N·g_b‖₂: how well the post-processed counts re-synthesise N·g_b.</param>
/// <param name="RelativeGradientResidual"><see cref="GradientResidual"/> divided by ‖N·g_b‖₂ (0 when that is 0).</param>
/// <param name="Unknowns">Number of unknowns of the linear system (0 when the method solves none).</param>
public sealed record RestorationDiagnostics(
    ImmutableArray<double> Solution,
    int Rank,
    double ConditionNumber,
    double GradientResidual,
    double RelativeGradientResidual,
    int Unknowns = 0);
