using System.Collections.Immutable;

namespace ILrg.Restoration;

/// <summary>The outcome of one label restoration.</summary>
/// <param name="Method">The restorer's name.</param>
/// <param name="Counts">Restored number of instances per class (the reference's <c>res</c>); class-wise methods
/// give 1 for a class judged present and 0 otherwise.</param>
/// <param name="CorrectedCounts">Non-negative counts summing to exactly N (the FIXED <c>mod_res</c>), used to build a
/// label list for image reconstruction; empty when the method cannot provide one.</param>
/// <param name="Diagnostics">Solver diagnostics, when the method solves a system.</param>
/// <param name="IsInstanceWise">True when <see cref="Counts"/> are counts, false when they only mark presence.</param>
public sealed record LabelRestoration(
    string Method,
    ImmutableArray<int> Counts,
    ImmutableArray<int> CorrectedCounts,
    RestorationDiagnostics? Diagnostics,
    bool IsInstanceWise)
{
    /// <summary>The facts an auditor must see about this restoration of a batch of <paramref name="batchSize"/>.</summary>
    public RestorationWarnings Check(int batchSize)
    {
        var flags = RestorationWarnings.None;
        if (IsInstanceWise && Counts.Sum() != batchSize)
        {
            flags |= RestorationWarnings.SumNotN;
        }

        if (Diagnostics is { } d)
        {
            if (d.Solution.Any(x => !double.IsFinite(x)))
            {
                flags |= RestorationWarnings.NonFiniteSolution;
            }

            if (d.Unknowns > 0 && d.Rank < d.Unknowns)
            {
                flags |= RestorationWarnings.RankDeficient;
            }

            if (d.Unknowns > 0 && double.IsNaN(d.ConditionNumber))
            {
                flags |= RestorationWarnings.SolverFallback;
            }
            else if (d.Unknowns > 0 && d.ConditionNumber * batchSize / (1 << 24) >= 0.5)
            {
                flags |= RestorationWarnings.IllConditioned;
            }
        }

        return flags;
    }

    /// <summary>Classes with a positive restored count.</summary>
    public IEnumerable<int> PresentClasses() => Enumerable.Range(0, Counts.Length).Where(c => Counts[c] > 0);

    /// <summary>A label list of length N from <see cref="CorrectedCounts"/>, sorted by class (as the reference).</summary>
    public int[] ToSortedLabels()
    {
        if (CorrectedCounts.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException($"{Method} provides no corrected counts to build labels from.");
        }

        var labels = new List<int>();
        for (int c = 0; c < CorrectedCounts.Length; c++)
        {
            labels.AddRange(Enumerable.Repeat(c, CorrectedCounts[c]));
        }

        return labels.ToArray();
    }
}
