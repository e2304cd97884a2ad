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
