using System.Collections.Immutable;
using Google.OrTools.LinearSolver;

namespace ILrg.Restoration;

/// <summary>
/// Integer-aware iLRG: the same system as <see cref="ILrgRestorer"/> (<see cref="ILrgSystem"/>), solved as
/// min Σ_i |(G·k)_i − N·g_b[i]| over integer k ≥ 0 with Σk = N by OR-Tools' MIP solver (SCIP, CBC as fallback),
/// warm-started from pinv + rounding. The counts are non-negative and sum to N by construction.
/// </summary>
/// <remarks>
/// SPEC.md §2 steps 1–3 for the system; the L1 objective is this project's addition (issue 5). When the solver stops
/// at its time limit without a feasible point, the pinv + rounding counts (the FIXED mod_res) are returned and the
/// diagnostics say so through a NaN condition number.
/// </remarks>
public sealed class IntegerILrgRestorer : ILabelRestorer
{
    /// <summary>Default wall-time limit of one MIP solve.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(20);

    private readonly ILrgOptions _options;
    private readonly TimeSpan _timeLimit;

    /// <summary>Creates the restorer.</summary>
    public IntegerILrgRestorer(ILrgOptions? options = null, TimeSpan? timeLimit = null)
    {
        _options = options ?? new ILrgOptions();
        _timeLimit = timeLimit ?? DefaultTimeLimit;
        if (_timeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeLimit), _timeLimit, "the MIP time limit must be positive");
        }
    }

    /// <inheritdoc />
    public string Name => _options.Variant switch
    {
        ILrgVariant.Estimate => "ilrg-estimate-mip",
        ILrgVariant.Simplified => "ilrg-simplified-mip",
        _ => "ilrg-mip",
    };

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes;
        int n = observation.BatchSize;
        ILrgSystem system = ILrgSystem.Build(observation, _options);
        LabelRestoration relaxed = new ILrgRestorer(_options).Restore(observation, system);
        int[]? mip = SolveMip(system, relaxed.CorrectedCounts);
        ImmutableArray<int> counts = mip is null ? relaxed.CorrectedCounts : [.. mip];
        double[] residual = system.GradientResidual(counts.Select(v => (double)v).ToArray(), observation.BiasGradient);
        double norm = Math.Sqrt(residual.Sum(v => v * v));
        double scale = Math.Sqrt(observation.BiasGradient.ToArray().Sum(g => n * g * n * g));
        RestorationDiagnostics d = relaxed.Diagnostics!;
        var diagnostics = new RestorationDiagnostics(
            d.Solution, d.Rank, mip is null ? double.NaN : d.ConditionNumber, norm, scale > 0 ? norm / scale : 0.0, d.Unknowns);
        return new LabelRestoration(Name, counts, counts, diagnostics, IsInstanceWise: true);
    }

    private int[]? SolveMip(ILrgSystem system, ImmutableArray<int> hint)
    {
        int c = system.Classes;
        int n = system.BatchSize;
        using Solver solver = Solver.CreateSolver("SCIP") ?? Solver.CreateSolver("CBC")
            ?? throw new InvalidOperationException("OR-Tools has neither SCIP nor CBC in this build");
        solver.SetNumThreads(1);
        solver.SetTimeLimit((long)_timeLimit.TotalMilliseconds);
        if (solver.SolverVersion().Contains("SCIP", StringComparison.OrdinalIgnoreCase))
        {
            // SCIP installs its own SIGINT handler while it solves, which would swallow the user's Ctrl-C: let the
            // host process see it (the CLI then stops within its grace period, issue 9).
            solver.SetSolverSpecificParametersAsString("misc/catchctrlc = FALSE");
        }
        ReadOnlySpan<int> unknowns = system.Unknowns;
        var k = new Variable[unknowns.Length];
        Constraint total = solver.MakeConstraint(n, n, "sum");
        for (int u = 0; u < k.Length; u++)
        {
            k[u] = solver.MakeIntVar(0, n, $"k{unknowns[u]}");
            total.SetCoefficient(k[u], 1.0);
        }

        Objective objective = solver.Objective();
        ReadOnlySpan<double> a = system.Matrix;
        ReadOnlySpan<double> y = system.Rhs;
        for (int i = 1; i <= c; i++)
        {
            // t_i ≥ |A_i·k − y_i| as two linear rows.
            Variable t = solver.MakeNumVar(0, double.PositiveInfinity, $"t{i}");
            Constraint upper = solver.MakeConstraint(double.NegativeInfinity, y[i], $"up{i}");
            Constraint lower = solver.MakeConstraint(y[i], double.PositiveInfinity, $"lo{i}");
            for (int u = 0; u < k.Length; u++)
            {
                double coefficient = a[i * k.Length + u];
                upper.SetCoefficient(k[u], coefficient);
                lower.SetCoefficient(k[u], coefficient);
            }

            upper.SetCoefficient(t, -1.0);
            lower.SetCoefficient(t, 1.0);
            objective.SetCoefficient(t, 1.0);
        }

        objective.SetMinimization();
        var hintValues = new double[k.Length];
        for (int u = 0; u < k.Length; u++)
        {
            hintValues[u] = hint[unknowns[u]];
        }

        solver.SetHint(k, hintValues);
        Solver.ResultStatus status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return null;
        }

        var counts = new int[c];
        for (int u = 0; u < k.Length; u++)
        {
            counts[unknowns[u]] = (int)Math.Round(k[u].SolutionValue());
        }

        return counts.Sum() == n && counts.All(v => v >= 0) ? counts : null;
    }
}
