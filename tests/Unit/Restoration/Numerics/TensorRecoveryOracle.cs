using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Restoration.Numerics;

/// <summary>
/// The element-wise tensor formulation of iLRG's class-embedding recovery (SPEC.md §2.1) that the library used before
/// its one-pass version: kept here as the oracle the one-pass version must reproduce.
/// </summary>
internal static class TensorRecoveryOracle
{
    public static double[] Recover(double[] weightGradient, double[] biasGradient, int classes, int size)
    {
        using var scope = NewDisposeScope();
        using Scalar low = -10.0, high = 10.0, ten = 10.0;
        Tensor gw = tensor(weightGradient, float64).reshape(classes, size);
        Tensor gb = tensor(biasGradient, float64);
        var (mW, eW) = Decompose(gw, 0.0, 0);
        var (mB, eB) = Decompose(gb, 1.0, -64);
        Tensor exponent = (eW - eB.unsqueeze(1)).clamp(low, high);
        return (mW / mB.unsqueeze(1) * full_like(exponent, ten).pow(exponent)).contiguous().data<double>().ToArray();
    }

    private static (Tensor Mantissa, Tensor Exponent) Decompose(Tensor x, double zeroMantissa, int zeroExponent)
    {
        using Scalar zero = 0.0, one = 1.0, ten = 10.0, million = 1e6;
        using Scalar zeroM = zeroMantissa, zeroE = (double)zeroExponent;
        Tensor isZero = x.eq(zero);
        Tensor exponent = x.abs().where(isZero.logical_not(), ones_like(x)).log10().floor();
        Tensor mantissa = x / full_like(exponent, ten).pow(exponent);
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
        return (mantissa, exponent);
    }
}
