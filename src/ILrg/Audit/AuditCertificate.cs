namespace ILrg.Audit;

/// <summary>
/// What one restoration's consistency with the observation says, computed only from what the attacker sees (W, b, g_W,
/// g_b, N) and the restored counts: no ground truth enters. Fields that a method cannot support are null (a class-wise
/// method has no counts to re-synthesise N·g_b from, a method without a linear system has no rank or solution).
/// </summary>
/// <param name="Rank">Numerical rank of the linear system the method solved (iLRG family), else null.</param>
/// <param name="ConditionNumber">Largest over smallest retained singular value of that system; null when the method
/// solves none or the value is not finite.</param>
/// <param name="CountSum">Σ counts (instance-wise methods); the batch has N instances.</param>
/// <param name="BiasResidual">‖(Pᵀ − I)·k − N·g_b‖₂ / ‖N·g_b‖₂ with P from the full iLRG system (SPEC.md §2 steps 1–3)
/// and k the restored counts: how well the counts re-synthesise N·g_b. Null for class-wise methods.</param>
/// <param name="WeightResidual">‖(I − Π)·N·g_W‖_F / ‖N·g_W‖_F, Π the projection onto the columns of (Pᵀ − I) of the
/// classes restored as present: how well g_W is explained by the restored classes with some class embeddings. It tests
/// presence, not the size of the counts, and is invariant to the scale of g_W.</param>
/// <param name="OutOfRangeMass">Σ_c max(−x_c, 0) + max(x_c − N, 0) over the real-valued solution x, divided by N: how
/// far the solution leaves [0, N]. Null without a real-valued solution.</param>
/// <param name="BoundaryDistances">Per class, the distance of x_c to the nearest rounding boundary (0 … 0.5): 0.5 when
/// x_c is an integer in [0, N], 0 on a boundary or outside [−0.5, N + 0.5]. A per-class confidence; null without a
/// real-valued solution.</param>
/// <param name="MinBoundaryDistance">The smallest of <see cref="BoundaryDistances"/> (the least certain class).</param>
/// <param name="WeakestClass">The class of <see cref="MinBoundaryDistance"/> (lowest index on ties).</param>
/// <param name="AgreementWithPrimary">Fraction of classes on which this method agrees with the audit's primary method:
/// equal counts when both are instance-wise, equal presence otherwise.</param>
public sealed record AuditCertificate(
    int? Rank,
    double? ConditionNumber,
    int? CountSum,
    double? BiasResidual,
    double WeightResidual,
    double? OutOfRangeMass,
    IReadOnlyList<double>? BoundaryDistances,
    double? MinBoundaryDistance,
    int? WeakestClass,
    double AgreementWithPrimary);
