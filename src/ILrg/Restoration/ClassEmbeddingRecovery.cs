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
        var (mW, eW) = Decompose(weightGradient, zeroMantissa: 0.0, zeroExponent: 0);
        var (mB, eB) = Decompose(biasGradient, zeroMantissa: 1.0, zeroExponent: ZeroBiasExponent);
        Tensor exponent = (eW - eB.unsqueeze(1)).clamp(-ExponentClip, ExponentClip);
        Tensor result = mW / mB.unsqueeze(1) * full_like(exponent, 10.0).pow(exponent);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Splits x into (mantissa, exponent) with |mantissa| in [1, 10) rounded to 7 significant digits, as Python's
    /// "%.6e" formatting does; zero entries get the given stand-ins.
    /// </summary>
    internal static (Tensor Mantissa, Tensor Exponent) Decompose(Tensor x, double zeroMantissa, int zeroExponent)
    {
        using var scope = NewDisposeScope();
        Tensor isZero = x.eq(0.0);
        Tensor magnitude = x.abs().where(isZero.logical_not(), ones_like(x));
        Tensor exponent = magnitude.log10().floor();
        Tensor mantissa = x / full_like(exponent, 10.0).pow(exponent);
        // Guard against log10 rounding at exact powers of ten, then round to 6 decimals (7 significant digits).
        Tensor tooLarge = mantissa.abs().ge(10.0);
        mantissa = mantissa.where(tooLarge.logical_not(), mantissa / 10.0);
        exponent = exponent.where(tooLarge.logical_not(), exponent + 1.0);
        Tensor tooSmall = mantissa.abs().lt(1.0).logical_and(isZero.logical_not());
        mantissa = mantissa.where(tooSmall.logical_not(), mantissa * 10.0);
        exponent = exponent.where(tooSmall.logical_not(), exponent - 1.0);
        mantissa = (mantissa * 1e6).round() / 1e6;
        Tensor roundedUp = mantissa.abs().ge(10.0);
        mantissa = mantissa.where(roundedUp.logical_not(), mantissa / 10.0);
        exponent = exponent.where(roundedUp.logical_not(), exponent + 1.0);
        mantissa = mantissa.where(isZero.logical_not(), full_like(x, zeroMantissa));
        exponent = exponent.where(isZero.logical_not(), full_like(x, (double)zeroExponent));
        return (mantissa.MoveToOuterDisposeScope(), exponent.MoveToOuterDisposeScope());
    }
}
