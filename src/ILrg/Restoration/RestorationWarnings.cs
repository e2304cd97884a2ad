namespace ILrg.Restoration;

/// <summary>Facts about a restoration an auditor must see: none stops the run; each is a warning and a JSON flag.</summary>
[Flags]
public enum RestorationWarnings
{
    /// <summary>Nothing to report.</summary>
    None = 0,

    /// <summary>The restored counts of an instance-wise method do not sum to N (iLRG's <c>res</c> often does not;
    /// <c>mod_res</c> always does).</summary>
    SumNotN = 1,

    /// <summary>The real-valued solution has NaN or infinite entries (those classes were given count 0).</summary>
    NonFiniteSolution = 2,

    /// <summary>The system has fewer independent rows than classes: some counts are not determined by the update.</summary>
    RankDeficient = 4,

    /// <summary>The condition number is large enough that the float32 rounding of the gradients alone can move a count
    /// by half an instance: cond × 2⁻²⁴ × N ≥ ½.</summary>
    IllConditioned = 8,

    /// <summary>The integer solver stopped without a feasible point; the pinv + rounding answer was used.</summary>
    SolverFallback = 16,
}
