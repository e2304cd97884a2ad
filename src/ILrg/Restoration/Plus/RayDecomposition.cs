using MathNet.Numerics.LinearAlgebra;
using ILrg.Numerics;

namespace ILrg.Restoration.Plus;

/// <summary>
/// Stage 3 of iLRG+: one ray per sample from the columns of g_W, for non-negative embeddings.
/// </summary>
/// <remarks>
/// Column r of N·g_W is Σ_n h_n[r]·q_n with q_n = p_n − e_{y_n} and weights h_n[r] ≥ 0, so every column lies in the
/// cone spanned by the N vectors q_n, each of which has exactly one non-positive entry: at the sample's label. A unit
/// active for one sample only (ReLU makes others exactly 0) gives a column exactly parallel to that sample's q_n;
/// such columns repeat (several private units per sample) and are found by grouping equal columns (kept when they
/// have at most one negative entry, as a single sample's q_n must). The remaining
/// samples are added greedily: the column least explained by a non-negative combination of the rays found so far
/// (NNLS residual) becomes a ray, up to N rays (the separable-NMF idea of Kumar et al.'s XRAY). Each ray's label is
/// its smallest entry. Confident samples' q_n are tiny, yet their private columns stay exactly parallel, which is
/// why this works where the counts in g_b are lost (trained models). The cone has N generators in C dimensions, so
/// the decomposition is exact in principle only for N &lt; C; beyond, repeated columns still single out samples with
/// private units and the greedy picks are a heuristic (measured in docs/beyond-the-paper.md).
/// </remarks>
public static class RayDecomposition
{
    /// <summary>Relative tolerance for two columns to count as equal (float32 gradients: ~1e−7).</summary>
    public const double EqualTolerance = 1e-5;

    /// <summary>Max-abs distance under which two repeated-column groups are one sample (a contaminated copy).</summary>
    public const double MergeTolerance = 1e-3;

    /// <summary>Runs the decomposition; null when g_W has no non-zero column.</summary>
    /// <param name="observation">What the attacker sees.</param>
    /// <param name="maxGreedyRays">Most rays to add beyond the pure ones (0: the pure rays only).</param>
    public static SampleRays? Decompose(LastLayerObservation observation, int maxGreedyRays)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int n = observation.BatchSize;
        List<double[]> columns = Columns(observation);
        if (columns.Count == 0)
        {
            return null;
        }

        List<double[]> rays = RepeatedColumns(columns).Where(IsSampleRay).Take(n).ToList();
        int pure = rays.Count;
        double flatness = pure == 0 ? double.NaN : Median(rays.Select(Flatness));
        int budget = maxGreedyRays;
        while (rays.Count < n && budget-- > 0)
        {
            double[]? next = LeastExplained(rays, columns);
            if (next is null)
            {
                break;
            }

            rays.Add(next);
        }

        int[] labels = rays.Select(LabelOf).ToArray();
        return new SampleRays(labels, pure, flatness, labels.Length == n);
    }

    /// <summary>The class of a ray: its smallest entry (the only negative one; 0 when float32 rounded 1 − p_n[y]
    /// away).</summary>
    public static int LabelOf(double[] ray)
    {
        ArgumentNullException.ThrowIfNull(ray);
        int best = 0;
        for (int i = 1; i < ray.Length; i++)
        {
            if (ray[i] < ray[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// True when <paramref name="ray"/> can be one sample's p_n − e_y: at most one negative entry. (A repeated column
    /// with several negative entries is parallel for another reason, e.g. a batch sharing one embedding.)
    /// </summary>
    public static bool IsSampleRay(double[] ray)
    {
        ArgumentNullException.ThrowIfNull(ray);
        return ray.Count(v => v < 0) <= 1;
    }

    /// <summary>exp(entropy) / (C − 1) of the positive entries other than the label's, normalised to sum 1.</summary>
    public static double Flatness(double[] ray)
    {
        ArgumentNullException.ThrowIfNull(ray);
        int y = LabelOf(ray);
        double total = 0;
        for (int i = 0; i < ray.Length; i++)
        {
            total += i != y && ray[i] > 0 ? ray[i] : 0;
        }

        if (total <= 0 || ray.Length < 2)
        {
            return 0;
        }

        double entropy = 0;
        for (int i = 0; i < ray.Length; i++)
        {
            if (i != y && ray[i] > 0)
            {
                double share = ray[i] / total;
                entropy -= share * Math.Log(share);
            }
        }

        return Math.Exp(entropy) / (ray.Length - 1);
    }

    /// <summary>The non-zero columns of g_W, each scaled so its largest magnitude is 1.</summary>
    private static List<double[]> Columns(LastLayerObservation observation)
    {
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        ReadOnlySpan<double> gw = observation.WeightGradient;
        var columns = new List<double[]>();
        for (int r = 0; r < d; r++)
        {
            var column = new double[c];
            double largest = 0;
            for (int i = 0; i < c; i++)
            {
                column[i] = gw[i * d + r];
                largest = Math.Max(largest, Math.Abs(column[i]));
            }

            if (largest > 0)
            {
                columns.Add(column.Select(v => v / largest).ToArray());
            }
        }

        return columns;
    }

    /// <summary>Groups of ≥ 2 equal columns (entrywise relative tolerance), merged when nearly equal, largest
    /// first.</summary>
    private static IEnumerable<double[]> RepeatedColumns(List<double[]> columns)
    {
        var groups = new List<(double[] Ray, int Size)>();
        foreach (var bucket in columns.GroupBy(col => (LabelOf(col), Array.IndexOf(col, col.Max()))))
        {
            var local = new List<(double[] Ray, int Size)>();
            foreach (double[] column in bucket)
            {
                int hit = local.FindIndex(g => Equal(g.Ray, column));
                if (hit >= 0)
                {
                    local[hit] = (local[hit].Ray, local[hit].Size + 1);
                }
                else
                {
                    local.Add((column, 1));
                }
            }

            groups.AddRange(local.Where(g => g.Size >= 2));
        }

        var merged = new List<(double[] Ray, int Size)>();
        foreach (var group in groups.OrderByDescending(g => g.Size))
        {
            int hit = merged.FindIndex(m => MaxAbsDifference(m.Ray, group.Ray) < MergeTolerance);
            if (hit >= 0)
            {
                merged[hit] = (merged[hit].Ray, merged[hit].Size + group.Size);
            }
            else
            {
                merged.Add(group);
            }
        }

        return merged.OrderByDescending(m => m.Size).Select(m => m.Ray);
    }

    /// <summary>The column with the largest relative NNLS residual on <paramref name="rays"/>; null if all are
    /// explained.</summary>
    private static double[]? LeastExplained(List<double[]> rays, List<double[]> columns)
    {
        int c = columns[0].Length;
        Matrix<double>? a = rays.Count == 0 ? null : Matrix<double>.Build.Dense(c, rays.Count, (i, j) => rays[j][i]);
        double worst = 1e-9;
        double[]? choice = null;
        foreach (double[] column in columns)
        {
            var b = Vector<double>.Build.DenseOfArray(column);
            double norm = b.L2Norm();
            double residual = a is null
                ? norm
                : (b - a * Vector<double>.Build.DenseOfArray(NonNegativeLeastSquares.Solve(a, b))).L2Norm();
            if (residual / norm > worst)
            {
                worst = residual / norm;
                choice = column;
            }
        }

        return choice;
    }

    private static bool Equal(double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (Math.Abs(x[i] - y[i]) > EqualTolerance * (Math.Abs(x[i]) + Math.Abs(y[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static double MaxAbsDifference(double[] x, double[] y) => x.Zip(y, (a, b) => Math.Abs(a - b)).Max();

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
