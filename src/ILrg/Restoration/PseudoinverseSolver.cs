using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Restoration;

/// <summary>Moore–Penrose least-squares solve x = A⁺·y in float64 via a thin SVD (LAPACK through libtorch).</summary>
/// <remarks>
/// SPEC.md §2.4: relative cutoff 1e−15 × the largest singular value, as numpy.linalg.pinv's default. DESIGN.md: at
/// C = 1000 a managed SVD takes seconds, libtorch's LAPACK a fraction of one.
/// </remarks>
public static class PseudoinverseSolver
{
    /// <summary>numpy's default relative cutoff.</summary>
    public const double RelativeCutoff = 1e-15;

    /// <summary>Solves for a (rows×cols) float64 matrix and a float64 right-hand side of length rows.</summary>
    public static NoISolution Solve(Tensor matrix, Tensor rhs)
    {
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
}
