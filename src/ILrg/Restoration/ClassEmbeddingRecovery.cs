using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Restoration;

/// <summary>
/// Step 1 of iLRG: the class-wise embedding ê_i = g_W[i,:] / g_b[i], with the reference's decimal clipping.
/// </summary>
/// <remarks>
/// SPEC.md §2.1. Each operand is split into a mantissa m ∈ ±[1,10) rounded to 7 significant digits and an integer
/// exponent e; the entry is (m_W / m_b)·10^clip(e_W − e_b, −10, 10). A zero g_b[i] counts as m_b = 1, e_b = −64, so the
/// row becomes m_W·1e10; zero entries of g_W stay 0. Computed in float64.
/// </remarks>
public static class ClassEmbeddingRecovery
{
    /// <summary>Largest magnitude of the decimal exponent difference (the reference's clip).</summary>
    public const int ExponentClip = 10;

    /// <summary>Exponent given to a zero bias gradient (the reference's stand-in).</summary>
    public const int ZeroBiasExponent = -64;

    /// <summary>ê as a C×d float64 tensor (caller owns it).</summary>
    /// <param name="weightGradient">g_W, C×d, float64.</param>
    /// <param name="biasGradient">g_b, C, float64.</param>
    public static Tensor Recover(Tensor weightGradient, Tensor biasGradient)
    {
        using var scope = NewDisposeScope();
        // Every Scalar is held in a local until the end: TorchSharp leaves temporary Scalars (constants, and the alpha
        // of add) to the finalizer, which can free one while libtorch still reads it ("Unknown scalar type" under GC
        // load). Hence add(x, alpha) with a held alpha, never the + operator with a Scalar or Tensor.
        using Scalar low = (double)-ExponentClip, high = (double)ExponentClip, ten = 10.0;
        var (mW, eW) = Decompose(weightGradient, zeroMantissa: 0.0, zeroExponent: 0);
        var (mB, eB) = Decompose(biasGradient, zeroMantissa: 1.0, zeroExponent: ZeroBiasExponent);
        Tensor exponent = (eW - eB.unsqueeze(1)).clamp(low, high);
        Tensor result = mW / mB.unsqueeze(1) * full_like(exponent, ten).pow(exponent);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Splits x into (mantissa, exponent) with |mantissa| in [1, 10) rounded to 7 significant digits, as Python's
    /// "%.6e" formatting does; zero entries get the given stand-ins.
    /// </summary>
    internal static (Tensor Mantissa, Tensor Exponent) Decompose(Tensor x, double zeroMantissa, int zeroExponent)
    {
        using var scope = NewDisposeScope();
        // Every Scalar, alpha included, is held in a local until the end (see Recover); sub has no alpha.
        using Scalar zero = 0.0, one = 1.0, ten = 10.0, million = 1e6;
        using Scalar zeroM = zeroMantissa, zeroE = (double)zeroExponent;
        Tensor isZero = x.eq(zero);
        Tensor magnitude = x.abs().where(isZero.logical_not(), ones_like(x));
        Tensor exponent = magnitude.log10().floor();
        Tensor mantissa = x / full_like(exponent, ten).pow(exponent);
        // Guard against log10 rounding at exact powers of ten, then round to 6 decimals (7 significant digits).
        Tensor tooLarge = mantissa.abs().ge(ten);
        mantissa = mantissa.where(tooLarge.logical_not(), mantissa / ten);
        exponent = exponent.where(tooLarge.logical_not(), exponent.add(one, one));
        Tensor tooSmall = mantissa.abs().lt(one).logical_and(isZero.logical_not());
        mantissa = mantissa.where(tooSmall.logical_not(), mantissa * ten);
        exponent = exponent.where(tooSmall.logical_not(), exponent - one);
        mantissa = (mantissa * million).round() / million;
        Tensor roundedUp = mantissa.abs().ge(ten);
        mantissa = mantissa.where(roundedUp.logical_not(), mantissa / ten);
        exponent = exponent.where(roundedUp.logical_not(), exponent.add(one, one));
        mantissa = mantissa.where(isZero.logical_not(), full_like(x, zeroM));
        exponent = exponent.where(isZero.logical_not(), full_like(x, zeroE));
        return (mantissa.MoveToOuterDisposeScope(), exponent.MoveToOuterDisposeScope());
    }
}
