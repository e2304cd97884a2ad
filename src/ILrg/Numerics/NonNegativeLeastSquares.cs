using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace ILrg.Numerics;

/// <summary>
/// min ‖A·x − b‖₂ subject to x ≥ 0, by the Lawson–Hanson active-set method ("Solving Least Squares Problems", 1974,
/// algorithm NNLS), in float64. Meant for small dense problems (tens of columns): each step solves the passive
/// subproblem by a thin SVD.
/// </summary>
public static class NonNegativeLeastSquares
{
    /// <summary>Outer iterations allowed per solve, as a multiple of the column count.</summary>
    public const int IterationsPerColumn = 3;

    /// <summary>Solves the problem for a dense <paramref name="a"/> (m×n) and <paramref name="b"/> (m).</summary>
    /// <returns>x ≥ 0 (length n).</returns>
    /// <exception cref="ArgumentException">Shapes do not match or an entry is not finite.</exception>
    public static double[] Solve(Matrix<double> a, Vector<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.RowCount != b.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"NNLS: A has {a.RowCount} rows but b has {b.Count} entries"));
        }

        Guard.Finite(a.ToColumnMajorArray(), "NNLS matrix");
        Guard.Finite(b.ToArray(), "NNLS right-hand side");
        int n = a.ColumnCount;
        var x = Vector<double>.Build.Dense(n);
        var passive = new bool[n];
        double tolerance = 1e-12 * Math.Max(b.L2Norm(), double.Epsilon) * Math.Max(a.FrobeniusNorm(), double.Epsilon);
        for (int outer = 0; outer < IterationsPerColumn * Math.Max(n, 1); outer++)
        {
            Vector<double> gradient = a.TransposeThisAndMultiply(b - a * x);
            int enter = -1;
            double best = tolerance;
            for (int j = 0; j < n; j++)
            {
                if (!passive[j] && gradient[j] > best)
                {
                    best = gradient[j];
                    enter = j;
                }
            }

            if (enter < 0)
            {
                break;
            }

            passive[enter] = true;
            x = InnerLoop(a, b, x, passive);
        }

        return x.ToArray();
    }

    private static Vector<double> InnerLoop(Matrix<double> a, Vector<double> b, Vector<double> x, bool[] passive)
    {
        int n = a.ColumnCount;
        for (int guard = 0; guard <= n; guard++)
        {
            int[] p = Enumerable.Range(0, n).Where(j => passive[j]).ToArray();
            if (p.Length == 0)
            {
                return Vector<double>.Build.Dense(n);
            }

            Matrix<double> ap = Matrix<double>.Build.Dense(a.RowCount, p.Length, (r, c) => a[r, p[c]]);
            Vector<double> z = ap.Svd(computeVectors: true).Solve(b);
            if (z.All(v => v > 0))
            {
                var next = Vector<double>.Build.Dense(n);
                for (int c = 0; c < p.Length; c++)
                {
                    next[p[c]] = z[c];
                }

                return next;
            }

            // Step from x towards z as far as feasibility allows, then drop the variables that reached zero.
            double step = double.PositiveInfinity;
            for (int c = 0; c < p.Length; c++)
            {
                if (z[c] <= 0)
                {
                    double denominator = x[p[c]] - z[c];
                    step = Math.Min(step, denominator > 0 ? x[p[c]] / denominator : 0.0);
                }
            }

            for (int c = 0; c < p.Length; c++)
            {
                x[p[c]] += step * (z[c] - x[p[c]]);
                if (x[p[c]] <= 1e-15)
                {
                    x[p[c]] = 0;
                    passive[p[c]] = false;
                }
            }
        }

        return x;
    }
}
