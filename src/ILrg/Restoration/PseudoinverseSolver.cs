using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Restoration;

/// <summary>Moore–Penrose least-squares solve x = A⁺·y in float64 (LAPACK through libtorch).</summary>
/// <remarks>
/// SPEC.md §2.4: a thin SVD with relative cutoff 1e−15 × the largest singular value, as numpy.linalg.pinv's default.
/// That SVD is the whole cost of a restoration at C = 1000 (0.3 s of its 0.35 s), so from
/// <see cref="QrMinimumUnknowns"/> unknowns a tall system is first solved by Householder QR (one factorisation of
/// [A | y], about a tenth of the SVD's work) with its extreme singular values estimated by subspace iteration on R.
/// When that estimate puts the condition number at or below <see cref="QrConditionLimit"/>, no singular value lies
/// near the pinv cutoff (σ_min/σ_max ≥ 1e−8 ≫ 1e−15), so A has full column rank, A⁺y is the unique least-squares
/// solution, and QR gives it to within cond·ε of the SVD's (both are backward stable). Otherwise — ill-conditioned,
/// rank-deficient, or not finite — the SVD runs as before. Below <see cref="QrMinimumUnknowns"/> unknowns (every
/// MNIST and CIFAR configuration) only the SVD runs: it costs a few milliseconds there.
/// </remarks>
public static class PseudoinverseSolver
{
    /// <summary>numpy's default relative cutoff.</summary>
    public const double RelativeCutoff = 1e-15;

    /// <summary>Fewest unknowns for which the QR path is tried.</summary>
    public const int QrMinimumUnknowns = 256;

    /// <summary>Largest estimated condition number the QR path accepts.</summary>
    public const double QrConditionLimit = 1e8;

    /// <summary>Solves for a (rows×cols) float64 matrix and a float64 right-hand side of length rows.</summary>
    public static NoISolution Solve(Tensor matrix, Tensor rhs)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(rhs);
        if (matrix.shape[1] >= QrMinimumUnknowns && matrix.shape[0] > matrix.shape[1]
            && SolveByQr(matrix, rhs) is { } solution)
        {
            return solution;
        }

        return SolveBySvd(matrix, rhs);
    }

    /// <summary>The SVD path alone (SPEC.md §2.4 as written): any shape, any rank.</summary>
    public static NoISolution SolveBySvd(Tensor matrix, Tensor rhs)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(rhs);
        using var scope = NewDisposeScope();
        var (u, s, vh) = linalg.svd(matrix, fullMatrices: false);
        double[] singular = s.data<double>().ToArray();
        double largest = singular.Length == 0 ? 0.0 : singular.Max();
        double cutoff = RelativeCutoff * largest;
        using Scalar threshold = cutoff; // held until used: a temporary Scalar can be finalized mid-call
        Tensor keep = s.gt(threshold);
        Tensor inverse = keep.to_type(ScalarType.Float64) / s.where(keep, ones_like(s));
        Tensor x = vh.t().matmul(inverse * u.t().matmul(rhs));
        int rank = singular.Count(v => v > cutoff);
        double smallestKept = rank == 0 ? 0.0 : singular.Where(v => v > cutoff).Min();
        double condition = rank == 0 ? double.PositiveInfinity : largest / smallestKept;
        return new NoISolution(x.data<double>().ToArray(), rank, condition);
    }

    /// <summary>The QR path for a tall matrix: the solution when the estimated condition number is at most
    /// <see cref="QrConditionLimit"/>, else null.</summary>
    public static NoISolution? SolveByQr(Tensor matrix, Tensor rhs)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(rhs);
        using var scope = NewDisposeScope();
        long n = matrix.shape[1];
        if (matrix.shape[0] <= n)
        {
            throw new ArgumentException($"the QR path needs more rows than columns, got {matrix.shape[0]}x{n}");
        }

        // R of [A | y] holds R of A and, in its last column, Qᵀy: no Q is formed.
        var (_, augmented) = linalg.qr(cat([matrix, rhs.reshape(-1, 1)], 1), linalg.QRMode.R);
        Tensor r = augmented[..(int)n, ..(int)n].contiguous();
        Tensor qty = augmented[..(int)n, (int)n..].contiguous();
        var (largest, smallest) = SingularValueEstimate.Extremes(r);
        double condition = largest / smallest;
        if (!double.IsFinite(condition) || condition > QrConditionLimit)
        {
            return null;
        }

        Tensor x = linalg.solve_triangular(r, qty, true, true, false, null!);
        double[] values = x.reshape(-1).data<double>().ToArray();
        return values.All(double.IsFinite) ? new NoISolution(values, (int)n, condition) : null;
    }
}
