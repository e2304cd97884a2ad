namespace ILrg.Metrics;

/// <summary>LeAcc, LnAcc, IRec and the stricter scores, exactly as SPEC.md §4.</summary>
public static class LabelMetrics
{
    /// <summary>Scores one trial.</summary>
    /// <param name="trueCounts">True instances per class (length C, summing to N ≥ 1).</param>
    /// <param name="restoredCounts">Restored counts per class (length C, non-negative).</param>
    /// <exception cref="ArgumentException">Lengths differ, a count is negative, or the truth is empty.</exception>
    public static TrialLabelScores Score(IReadOnlyList<int> trueCounts, IReadOnlyList<int> restoredCounts)
    {
        ArgumentNullException.ThrowIfNull(trueCounts);
        ArgumentNullException.ThrowIfNull(restoredCounts);
        int c = trueCounts.Count;
        if (restoredCounts.Count != c || c == 0)
        {
            throw new ArgumentException($"true counts have {c} classes but restored counts have {restoredCounts.Count}");
        }

        if (trueCounts.Any(v => v < 0) || restoredCounts.Any(v => v < 0))
        {
            throw new ArgumentException("counts must be non-negative");
        }

        int n = trueCounts.Sum();
        if (n < 1)
        {
            throw new ArgumentException("the true batch is empty (N must be at least 1)");
        }

        int existHits = 0, numberHits = 0, presentHits = 0, present = 0, recovered = 0;
        long absError = 0;
        for (int i = 0; i < c; i++)
        {
            int t = trueCounts[i], r = restoredCounts[i];
            existHits += (r > 0) == (t > 0) ? 1 : 0;
            numberHits += r == t ? 1 : 0;
            absError += Math.Abs(r - t);
            if (t > 0)
            {
                present++;
                presentHits += r == t ? 1 : 0;
                recovered += Math.Min(r, t);
            }
        }

        return new TrialLabelScores(
            LeAcc: (double)existHits / c,
            LnAcc: (double)numberHits / c,
            IRec: (double)recovered / n,
            ExactBatch: numberHits == c,
            CountMae: (double)absError / c,
            PresentLnAcc: (double)presentHits / present);
    }

    /// <summary>
    /// Mean over all C classes of |restored_c − s_c| against expected soft counts s (the label mass a label-smoothed
    /// or mixup loss trains on; issue 11).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or are zero.</exception>
    public static double SoftCountMae(IReadOnlyList<double> softCounts, IReadOnlyList<int> restoredCounts)
    {
        ArgumentNullException.ThrowIfNull(softCounts);
        ArgumentNullException.ThrowIfNull(restoredCounts);
        if (softCounts.Count != restoredCounts.Count || softCounts.Count == 0)
        {
            throw new ArgumentException(
                $"soft counts have {softCounts.Count} classes but restored counts have {restoredCounts.Count}");
        }

        return softCounts.Zip(restoredCounts, (s, r) => Math.Abs(r - s)).Average();
    }
}
