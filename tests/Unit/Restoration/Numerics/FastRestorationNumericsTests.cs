using System.Globalization;
using ILrg.Numerics;
using ILrg.Restoration;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Restoration.Numerics;

/// <summary>
/// The fast numerics of issue 13 against what they replace: the one-pass embedding recovery against the tensor
/// formulation, the QR path of the pseudoinverse solve against the SVD path, and the singular-value estimate
/// against the exact singular values.
/// </summary>
public sealed class FastRestorationNumericsTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void Recovery_OnePass_AgreesWithTensorFormulation_AndIsCloserToTheReferenceDecimalRounding(ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        const int classes = 40, size = 300;
        // Magnitudes over 30 decades, both signs, exact zeros, decimal powers and near-ties at the 7th digit.
        double[] gw = Enumerable.Range(0, classes * size).Select(i => Entry(rng, i)).ToArray();
        double[] gb = Enumerable.Range(0, classes).Select(i => i % 9 == 0 ? 0.0 : Entry(rng, i + 1)).ToArray();

        double[] fast = ClassEmbeddingRecovery.Recover(gw, gb, classes, size);
        double[] tensorForm = TensorRecoveryOracle.Recover(gw, gb, classes, size);
        double[] reference = ReferenceRecovery(gw, gb, classes, size);

        int Wrong(double[] values) => Enumerable.Range(0, values.Length).Count(i => values[i] != reference[i]);
        double worst = Enumerable.Range(0, fast.Length)
            .Max(i => fast[i] == tensorForm[i] ? 0 : Math.Abs(fast[i] - tensorForm[i]) / Math.Abs(tensorForm[i]));
        Assert.Multiple(() =>
        {
            // Both differ from "%.6e" only where a mantissa sits on a rounding tie to within a last-bit error of the
            // division; there the tensor form's pow(10, e) (1-ulp accurate) and the table (correctly rounded) part.
            Assert.That(Wrong(fast), Is.LessThanOrEqualTo(Wrong(tensorForm)), "entries off the decimal reference");
            Assert.That(worst, Is.LessThanOrEqualTo(2e-6), "largest relative difference to the tensor form");
        });
    }

    [Test]
    public void Recovery_WrongLengths_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => ClassEmbeddingRecovery.Recover(new double[5], new double[2], 2, 3));
    }

    [TestCase(300, 1UL)]
    [TestCase(600, 2UL)]
    public void Solve_QrPathOnAWellConditionedTallSystem_AgreesWithTheSvdPath(int n, ulong seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(seed);
        Tensor a = randn(n + 1, n, dtype: float64, generator: generator).add_(eye(n + 1, n, dtype: float64) * 40);
        Tensor y = randn(n + 1, dtype: float64, generator: generator);

        NoISolution? qr = PseudoinverseSolver.SolveByQr(a, y);
        NoISolution svd = PseudoinverseSolver.SolveBySvd(a, y);
        NoISolution chosen = PseudoinverseSolver.Solve(a, y);

        Assert.That(qr, Is.Not.Null, "a well-conditioned system takes the QR path");
        double scale = svd.Values.Max(Math.Abs);
        double worst = qr!.Values.Zip(svd.Values, (p, q) => Math.Abs(p - q)).Max();
        Assert.Multiple(() =>
        {
            Assert.That(worst, Is.LessThanOrEqualTo(1e-12 * scale), "QR and SVD least-squares solutions");
            Assert.That(qr.Rank, Is.EqualTo(svd.Rank));
            Assert.That(qr.ConditionNumber, Is.LessThanOrEqualTo(svd.ConditionNumber * (1 + 1e-9)),
                "the estimate is a lower bound");
            Assert.That(qr.ConditionNumber, Is.GreaterThanOrEqualTo(0.95 * svd.ConditionNumber));
            Assert.That(chosen.Values, Is.EqualTo(qr.Values), "Solve takes the QR path from 256 unknowns");
        });
    }

    [Test]
    public void Solve_RankDeficientTallSystem_FallsBackToTheSvdPath()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        const int n = 300;
        Tensor a = randn(n + 1, n, dtype: float64, generator: generator);
        a[.., n - 1] = a[.., 0] * 2; // a repeated direction: rank n − 1
        Tensor y = randn(n + 1, dtype: float64, generator: generator);

        NoISolution chosen = PseudoinverseSolver.Solve(a, y);
        NoISolution svd = PseudoinverseSolver.SolveBySvd(a, y);

        Assert.Multiple(() =>
        {
            Assert.That(PseudoinverseSolver.SolveByQr(a, y), Is.Null, "the QR path declines");
            Assert.That(chosen.Rank, Is.EqualTo(n - 1));
            Assert.That(chosen.Values, Is.EqualTo(svd.Values), "the minimum-norm solution of the SVD path");
        });
    }

    [Test]
    public void Solve_IllConditionedTallSystem_FallsBackToTheSvdPath()
    {
        using var scope = NewDisposeScope();
        const int n = 300;
        Tensor a = WithSingularValues(n + 1, n, Exp10(linspace(0, -10, n, dtype: float64)), 11);
        Tensor y = ones(n + 1, dtype: float64);

        Assert.Multiple(() =>
        {
            Assert.That(PseudoinverseSolver.SolveByQr(a, y), Is.Null, "condition 1e10 is above the QR path's limit");
            Assert.That(PseudoinverseSolver.Solve(a, y).ConditionNumber, Is.EqualTo(1e10).Within(1e-3).Percent);
        });
    }

    [TestCase(0.0, 1e-6)]
    [TestCase(-6.0, 1e-6)]
    public void Estimate_SpreadSpectrum_FindsBothEnds(double lowestDecade, double tolerance)
    {
        using var scope = NewDisposeScope();
        const int n = 400;
        // Singular values spread from 10 down to 10^lowestDecade, the smallest isolated from the rest.
        Tensor s = cat([tensor(new[] { 10.0 }, float64), Exp10(linspace(0.5, 0.2, n - 2, dtype: float64)),
            tensor(new[] { Math.Pow(10, lowestDecade) }, float64)]);
        Tensor r = linalg.qr(WithSingularValues(n, n, s, 3), linalg.QRMode.R).R;

        var (largest, smallest) = SingularValueEstimate.Extremes(r);

        Assert.Multiple(() =>
        {
            Assert.That(largest, Is.EqualTo(10.0).Within(tolerance).Percent);
            Assert.That(smallest, Is.EqualTo(Math.Pow(10, lowestDecade)).Within(tolerance).Percent);
        });
    }

    [Test]
    public void Estimate_ClusteredSmallestValues_StaysInsideTheClusterAndBoundsTheCondition()
    {
        using var scope = NewDisposeScope();
        const int n = 400;
        // Like iLRG at C = 1000: most singular values in a narrow cluster just below 1.
        Tensor s = cat([tensor(new[] { 30.0, 12.0 }, float64), linspace(0.999, 0.990, n - 2, dtype: float64)]);
        Tensor r = linalg.qr(WithSingularValues(n, n, s, 5), linalg.QRMode.R).R;

        var (largest, smallest) = SingularValueEstimate.Extremes(r);

        Assert.Multiple(() =>
        {
            Assert.That(largest, Is.EqualTo(30.0).Within(1e-9).Percent);
            Assert.That(smallest, Is.InRange(0.990, 0.999), "inside the cluster");
            Assert.That(largest / smallest, Is.LessThanOrEqualTo(30.0 / 0.990 * (1 + 1e-12)), "a lower bound");
        });
    }

    [Test]
    public void Estimate_SingularTriangle_GivesZeroSmallest()
    {
        using var r = triu(ones(5, 5, dtype: float64));
        r[2, 2] = 0.0;

        var (_, smallest) = SingularValueEstimate.Extremes(r);

        Assert.That(smallest, Is.Zero);
    }

    private static double Entry(DeterministicRandom rng, int i)
    {
        double sign = rng.NextDouble() < 0.5 ? -1 : 1;
        return (i % 13) switch
        {
            0 => 0.0,
            1 => sign * Math.Pow(10, rng.NextInt(30) - 20), // an exact decimal power (as near as a double gets)
            2 => sign * (1 + (rng.NextInt(999_999) + 0.5) * 1e-6) * 1e-3, // a seven-digit tie
            _ => sign * rng.NextDouble() * Math.Pow(10, rng.NextInt(30) - 25),
        };
    }

    // SPEC.md §2.1 as the reference computes it: "%.6e" decimal formatting of each operand, then
    // (m_W / m_b)·10^clip(e_W − e_b, −10, 10) with a correctly rounded power of ten.
    private static double[] ReferenceRecovery(double[] gw, double[] gb, int classes, int size)
    {
        var result = new double[gw.Length];
        for (int i = 0; i < classes; i++)
        {
            var (mB, eB) = gb[i] == 0 ? (1.0, -64) : Formatted(gb[i]);
            for (int j = 0; j < size; j++)
            {
                double x = gw[i * size + j];
                var (mW, eW) = x == 0 ? (0.0, 0) : Formatted(x);
                int e = Math.Clamp(eW - eB, -10, 10);
                result[i * size + j] = mW / mB * double.Parse("1e" + e.ToString(Invariant), Invariant);
            }
        }

        return result;
    }

    private static (double Mantissa, int Exponent) Formatted(double x)
    {
        string[] parts = x.ToString("E6", Invariant).Split('E');
        return (double.Parse(parts[0], Invariant), int.Parse(parts[1], Invariant));
    }

    private static Tensor Exp10(Tensor exponents) => full_like(exponents, 10.0).pow(exponents);

    private static Tensor WithSingularValues(int rows, int cols, Tensor singular, ulong seed)
    {
        using var generator = new Generator(seed);
        Tensor u = linalg.qr(randn(rows, cols, dtype: float64, generator: generator)).Q;
        Tensor v = linalg.qr(randn(cols, cols, dtype: float64, generator: generator)).Q;
        return u.matmul(diag(singular)).matmul(v.t());
    }
}
