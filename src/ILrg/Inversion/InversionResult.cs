using System.Collections.Immutable;
using ILrg.Data;

namespace ILrg.Inversion;

/// <summary>The reconstruction of one batch.</summary>
/// <param name="Method">The inverter's name.</param>
/// <param name="Mode">The label mode used.</param>
/// <param name="Shape">Shape of one image.</param>
/// <param name="Pixels">The N reconstructed images as raw [0,1] pixels, image after image (N·C·H·W values).</param>
/// <param name="Labels">The labels used: the fixed list, or for joint modes the arg-max of the optimised soft
/// labels.</param>
/// <param name="GradientCost">Final gradient cost of the chosen restart (how it was chosen; never the truth).</param>
/// <param name="RestartCosts">Final gradient cost of every restart.</param>
/// <param name="LossCurve">Gradient cost of the chosen restart, one point per <see cref="CurveStep"/>
/// iterations.</param>
/// <param name="CurveStep">Iterations between loss-curve points.</param>
/// <param name="IterationsRun">Iterations the chosen restart ran (fewer than asked after an early stop).</param>
public sealed record InversionResult(
    string Method,
    LabelMode Mode,
    ImageShape Shape,
    float[] Pixels,
    ImmutableArray<int> Labels,
    double GradientCost,
    ImmutableArray<double> RestartCosts,
    ImmutableArray<double> LossCurve,
    int CurveStep,
    int IterationsRun)
{
    /// <summary>Number of reconstructed images.</summary>
    public int Count => Pixels.Length / Shape.Size;

    /// <summary>The raw pixels of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Image(int index) => Pixels.AsSpan(index * Shape.Size, Shape.Size);
}
