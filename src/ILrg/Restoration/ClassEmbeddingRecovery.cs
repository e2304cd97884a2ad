using System.Globalization;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace ILrg.Restoration;

/// <summary>
/// Step 1 of iLRG: the class-wise embedding ê_i = g_W[i,:] / g_b[i], with the reference's decimal clipping.
/// </summary>
/// <remarks>
/// SPEC.md §2.1. Each operand is split into a mantissa m ∈ ±[1,10) rounded to 7 significant digits and an integer
/// exponent e; the entry is (m_W / m_b)·10^clip(e_W − e_b, −10, 10). A zero g_b[i] counts as m_b = 1, e_b = −64, so the
/// row becomes m_W·1e10; zero entries of g_W stay 0. Computed in float64, one pass per entry (rows on every core):
/// the same steps as the element-wise tensor formulation, which made some twenty full-size temporaries (0.1 s at
/// C = 1000, d = 2048); powers of ten come from a table of correctly rounded values.
/// </remarks>
public static class ClassEmbeddingRecovery
{
    /// <summary>Largest magnitude of the decimal exponent difference (the reference's clip).</summary>
    public const int ExponentClip = 10;

    /// <summary>Exponent given to a zero bias gradient (the reference's stand-in).</summary>
    public const int ZeroBiasExponent = -64;

    private const int PowerTableLimit = 400;

    private static readonly double Log10Of2 = Math.Log10(2);

    // 10^k for k in [−400, 400], correctly rounded (0 and ∞ outside double's range).
    private static readonly double[] PowersOfTen = Enumerable.Range(-PowerTableLimit, 2 * PowerTableLimit + 1)
        .Select(k => double.Parse("1e" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
        .ToArray();

    /// <summary>ê as a C×d float64 tensor (caller owns it).</summary>
    /// <param name="weightGradient">g_W, C×d, float64.</param>
    /// <param name="biasGradient">g_b, C, float64.</param>
    public static Tensor Recover(Tensor weightGradient, Tensor biasGradient)
    {
        ArgumentNullException.ThrowIfNull(weightGradient);
        ArgumentNullException.ThrowIfNull(biasGradient);
        using Tensor gw = weightGradient.to_type(ScalarType.Float64).contiguous();
        using Tensor gb = biasGradient.to_type(ScalarType.Float64).contiguous();
        int classes = (int)gb.shape[0];
        int size = classes == 0 ? 0 : (int)(gw.NumberOfElements / classes);
        double[] result = Recover(gw.data<double>().ToArray(), gb.data<double>().ToArray(), classes, size);
        return tensor(result, float64).reshape(weightGradient.shape);
    }

    /// <summary>ê as a row-major C×d array.</summary>
    /// <param name="weightGradient">g_W, row-major C×d.</param>
    /// <param name="biasGradient">g_b, length C.</param>
    /// <param name="classes">C.</param>
    /// <param name="embeddingSize">d.</param>
    public static double[] Recover(double[] weightGradient, double[] biasGradient, int classes, int embeddingSize)
    {
        ArgumentNullException.ThrowIfNull(weightGradient);
        ArgumentNullException.ThrowIfNull(biasGradient);
        if (biasGradient.Length != classes || weightGradient.Length != (long)classes * embeddingSize)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"expected g_W of {classes}x{embeddingSize} and g_b of {classes}, got {weightGradient.Length} and " +
                $"{biasGradient.Length} values"));
        }

        var result = new double[weightGradient.Length];
        Parallel.For(0, classes, i => RecoverRow(
            weightGradient.AsSpan(i * embeddingSize, embeddingSize), biasGradient[i],
            result.AsSpan(i * embeddingSize, embeddingSize)));
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RecoverRow(ReadOnlySpan<double> weightGradient, double biasGradient, Span<double> result)
    {
        var (mB, eB) = Decompose(biasGradient, zeroMantissa: 1.0, zeroExponent: ZeroBiasExponent);
        for (int j = 0; j < weightGradient.Length; j++)
        {
            var (mW, eW) = Decompose(weightGradient[j], zeroMantissa: 0.0, zeroExponent: 0);
            int exponent = Math.Clamp(eW - eB, -ExponentClip, ExponentClip);
            result[j] = mW / mB * PowersOfTen[exponent + PowerTableLimit];
        }
    }

    /// <summary>
    /// Splits x into (mantissa, exponent) with |mantissa| in [1, 10) rounded to 7 significant digits, as Python's
    /// "%.6e" formatting does; zero gets the given stand-ins.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (double Mantissa, int Exponent) Decompose(double x, double zeroMantissa, int zeroExponent)
    {
        if (x == 0)
        {
            return (zeroMantissa, zeroExponent);
        }

        double magnitude = Math.Abs(x);
        // floor(log10 |x|) from the binary exponent (log10 2 ≈ 0.30103), corrected by comparing with the table:
        // the exact floor except within rounding of a power of ten, which the guards below settle as log10 would.
        int exponent = (int)Math.Floor(Math.ILogB(magnitude) * Log10Of2);
        if (magnitude >= PowersOfTen[exponent + 1 + PowerTableLimit])
        {
            exponent++;
        }
        else if (magnitude < PowersOfTen[exponent + PowerTableLimit])
        {
            exponent--;
        }

        double mantissa = x / PowersOfTen[exponent + PowerTableLimit];
        // Guard against log10 rounding at exact powers of ten, then round to 6 decimals (7 significant digits).
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        if (Math.Abs(mantissa) < 1)
        {
            mantissa *= 10;
            exponent--;
        }

        mantissa = Math.Round(mantissa * 1e6, MidpointRounding.ToEven) / 1e6;
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        return (mantissa, exponent);
    }
}
