using Google.OrTools.LinearSolver;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// RLG stage 2: is there a direction x with c_i·x &lt; −0.1 and c_j·x ≥ 0 for every other j? Solved as a feasibility LP
/// with OR-Tools' GLOP, then the solution is checked against the reference's tolerances.
/// </summary>
/// <remarks>SPEC.md §3: the reference accepts when c_i·x &lt; −0.1 and the largest violation max_j(−c_j·x) is below
/// 1e−2.</remarks>
internal static class LpSeparation
{
    public const double TargetThreshold = -0.1;
    public const double ViolationTolerance = 1e-2;

    public static bool Separable(double[][] points, int target)
    {
        int k = points[target].Length;
        using Solver solver = Solver.CreateSolver("GLOP")
            ?? throw new InvalidOperationException("OR-Tools has no GLOP solver in this build");
        double inf = double.PositiveInfinity;
        var x = new Variable[k];
        for (int r = 0; r < k; r++)
        {
            x[r] = solver.MakeNumVar(-inf, inf, $"x{r}");
        }

        for (int j = 0; j < points.Length; j++)
        {
            Constraint row = j == target
                ? solver.MakeConstraint(-inf, TargetThreshold, $"target{j}")
                : solver.MakeConstraint(0.0, inf, $"other{j}");
            for (int r = 0; r < k; r++)
            {
                row.SetCoefficient(x[r], points[j][r]);
            }
        }

        solver.Objective().SetMinimization();
        Solver.ResultStatus status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return false;
        }

        double[] solution = x.Select(v => v.SolutionValue()).ToArray();
        double worst = double.NegativeInfinity;
        double targetValue = 0;
        for (int j = 0; j < points.Length; j++)
        {
            double value = 0;
            for (int r = 0; r < k; r++)
            {
                value += points[j][r] * solution[r];
            }

            if (j == target)
            {
                targetValue = value;
            }
            else
            {
                worst = Math.Max(worst, -value);
            }
        }

        return targetValue < TargetThreshold + 1e-9 && (points.Length == 1 || worst < ViolationTolerance);
    }
}
