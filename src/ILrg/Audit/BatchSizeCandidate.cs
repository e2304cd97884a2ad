namespace ILrg.Audit;

/// <summary>How self-consistent iLRG's restoration is under one assumed batch size.</summary>
/// <param name="BatchSize">The assumed N.</param>
/// <param name="Strong">True when the certificate at this N is strong.</param>
/// <param name="MinBoundaryDistance">The least certain class's distance to a rounding boundary (0 … 0.5).</param>
/// <param name="RoundingError">Root mean square over classes of x_c − round(x_c), x the real-valued solution.</param>
/// <param name="BiasResidual">Relative residual of re-synthesising N·g_b from the counts.</param>
/// <param name="CountSum">Σ of the counts (N when consistent).</param>
public sealed record BatchSizeCandidate(
    int BatchSize,
    bool Strong,
    double MinBoundaryDistance,
    double RoundingError,
    double BiasResidual,
    int CountSum);
