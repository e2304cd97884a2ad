using System.Collections.Immutable;

namespace ILrg.Restoration;

/// <summary>Turns a real-valued NoI solution into counts: <c>res</c> and the corrected <c>mod_res</c>.</summary>
/// <remarks>SPEC.md §2.5–2.6.</remarks>
public static class CountPostProcessing
{
    /// <summary>
    /// <c>res</c>: negatives → 0; round half to even; any count above N → 0 (set to zero, not clipped), as the reference.
    /// A NaN entry (a numerically broken system) also gives 0; <see cref="LabelRestoration.Check"/> flags it.
    /// </summary>
    public static ImmutableArray<int> Res(ReadOnlySpan<double> solution, int batchSize)
    {
        var res = ImmutableArray.CreateBuilder<int>(solution.Length);
        foreach (double x in solution)
        {
            if (double.IsNaN(x))
            {
                res.Add(0);
                continue;
            }

            double rounded = Math.Round(Math.Max(x, 0.0), MidpointRounding.ToEven);
            res.Add(rounded > batchSize ? 0 : (int)rounded);
        }

        return res.MoveToImmutable();
    }

    /// <summary>
    /// <c>mod_res</c>, FIXED: non-negative counts that sum to exactly N. Starting from <paramref name="res"/>, a deficit is
    /// filled one instance at a time by the class whose target exceeds its count the most (largest rounding-down
    /// error), a surplus removed one at a time from the positive class whose count exceeds its target the most; ties go
    /// to the lower class index. The target of a class is its solution value clipped to [0, N], except that classes the
    /// post-processing zeroed for exceeding N keep target 0.
    /// </summary>
    /// <remarks>
    /// The reference adds 1 to all but |Σres − N| classes when Σres &lt; N and can push a zero count to −1 when
    /// Σres &gt; N; this project records that bug and fixes it here (README, "Decisions").
    /// </remarks>
    public static ImmutableArray<int> CorrectedCounts(ReadOnlySpan<double> solution, ImmutableArray<int> res, int batchSize)
    {
        if (solution.Length != res.Length)
        {
            throw new ArgumentException($"solution has {solution.Length} entries but res has {res.Length}.");
        }

        int classes = res.Length;
        var counts = res.ToArray();
        var target = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            double x = solution[c];
            target[c] = double.IsNaN(x) || x > batchSize + 0.5 ? 0.0 : Math.Clamp(x, 0.0, batchSize);
        }

        long sum = counts.Sum(v => (long)v);
        while (sum < batchSize)
        {
            int best = 0;
            for (int c = 1; c < classes; c++)
            {
                if (target[c] - counts[c] > target[best] - counts[best])
                {
                    best = c;
                }
            }

            counts[best]++;
            sum++;
        }

        while (sum > batchSize)
        {
            int best = -1;
            for (int c = 0; c < classes; c++)
            {
                if (counts[c] > 0 && (best < 0 || counts[c] - target[c] > counts[best] - target[best]))
                {
                    best = c;
                }
            }

            counts[best]--;
            sum--;
        }

        return [.. counts];
    }
}
