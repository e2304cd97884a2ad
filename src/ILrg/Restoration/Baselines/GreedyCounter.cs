namespace ILrg.Restoration.Baselines;

/// <summary>
/// The two-stage greedy count scheme of LLG (Wainakh et al.) and the bias-corrected (EBI) strategy.
/// </summary>
/// <remarks>
/// Stage 1 takes one instance of every class whose value is negative (most negative first, at most N) and subtracts
/// the impact m (a negative number, so the value rises) from THAT class. Stage 2 repeatedly takes the class with the
/// smallest current value and subtracts m from that same class, until N instances are taken. The class updated is
/// always the one just chosen — a popular port decrements a stale loop index from stage 1 instead, which this avoids
/// by construction. Ties go to the lower class index.
/// </remarks>
internal static class GreedyCounter
{
    /// <param name="values">One value per class (row sums or bias gradients, possibly offset-corrected).</param>
    /// <param name="impact">m, negative: the change of a class's value per instance.</param>
    /// <param name="batchSize">N.</param>
    /// <param name="stageOneThreshold">Stage 1 takes the classes whose value is below this (0 for LLG and EBI).</param>
    public static int[] Count(ReadOnlySpan<double> values, double impact, int batchSize, double stageOneThreshold = 0.0)
    {
        if (!double.IsFinite(impact))
        {
            throw new ArgumentException($"the impact m must be finite, got {impact}", nameof(impact));
        }

        double[] v = values.ToArray();
        var counts = new int[v.Length];
        int taken = 0;
        int[] negative = Enumerable.Range(0, v.Length)
            .Where(i => v[i] < stageOneThreshold).OrderBy(i => v[i]).ThenBy(i => i).ToArray();
        foreach (int i in negative)
        {
            if (taken == batchSize)
            {
                break;
            }

            counts[i]++;
            v[i] -= impact;
            taken++;
        }

        while (taken < batchSize)
        {
            int best = 0;
            for (int i = 1; i < v.Length; i++)
            {
                if (v[i] < v[best])
                {
                    best = i;
                }
            }

            counts[best]++;
            v[best] -= impact;
            taken++;
        }

        return counts;
    }
}
