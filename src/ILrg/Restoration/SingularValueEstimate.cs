using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Restoration;

/// <summary>
/// The largest and smallest singular values of a square upper-triangular float64 matrix R, estimated by block
/// subspace iteration (on RᵀR for the largest, on (RᵀR)⁻¹ through two triangular solves for the smallest) with a
/// Rayleigh–Ritz step at the end: O(n²) work per iteration instead of an SVD's O(n³).
/// </summary>
/// <remarks>
/// Both are Ritz values, so the largest is never overestimated and the smallest never underestimated: the ratio is a
/// lower bound on the condition number. An isolated small singular value (the case that matters: near rank
/// deficiency) dominates the inverse iteration after one or two steps; when the smallest ones cluster, the estimate
/// lies inside the cluster. The start block comes from a fixed seed, so the estimate is deterministic.
/// </remarks>
public static class SingularValueEstimate
{
    /// <summary>Vectors iterated together.</summary>
    public const int Block = 8;

    /// <summary>Iterations for each end of the spectrum.</summary>
    public const int Iterations = 12;

    private const long StartSeed = 0x5EED;

    /// <summary>(σ_max, σ_min) estimates of <paramref name="upper"/> (non-finite or zero when R is singular).</summary>
    public static (double Largest, double Smallest) Extremes(Tensor upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        using var scope = NewDisposeScope();
        long n = upper.shape[0];
        if (upper.dim() != 2 || upper.shape[1] != n || n == 0)
        {
            throw new ArgumentException($"expected a non-empty square matrix, got [{string.Join("x", upper.shape)}]");
        }

        using var generator = new Generator(StartSeed);
        Tensor start = Orthonormal(randn(n, Math.Min(Block, n), dtype: float64, generator: generator));
        Tensor lower = upper.t();

        Tensor x = start;
        for (int i = 0; i < Iterations; i++)
        {
            x = Orthonormal(lower.matmul(upper.matmul(x)));
        }

        if (!AllFinite(upper))
        {
            return (double.NaN, double.NaN);
        }

        double largest = linalg.svdvals(upper.matmul(x)).max().item<double>();

        x = start;
        for (int i = 0; i < Iterations; i++)
        {
            Tensor y = linalg.solve_triangular(upper, linalg.solve_triangular(lower, x, false, true, false, null!),
                true, true, false, null!);
            if (!AllFinite(y))
            {
                return (largest, 0.0); // R is singular to working precision
            }

            x = Orthonormal(y);
        }

        // x spans right singular vectors v of the smallest σ; R⁻ᵀv = u/σ, so ‖R⁻ᵀx‖ measures 1/σ_min.
        Tensor image = linalg.solve_triangular(lower, x, false, true, false, null!);
        return AllFinite(image) ? (largest, 1.0 / linalg.svdvals(image).max().item<double>()) : (largest, 0.0);
    }

    private static bool AllFinite(Tensor t) => t.isfinite().all().item<bool>();

    private static Tensor Orthonormal(Tensor block) => linalg.qr(block, linalg.QRMode.Reduced).Q;
}
