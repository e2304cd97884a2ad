using ILrg.Numerics;
using ILrg.Restoration;

namespace ILrg.Audit;

/// <summary>Checks plain arrays handed to <see cref="LabelAudit"/> and turns them into an observation.</summary>
internal static class AuditInput
{
    /// <summary>The observation of W (C×d row-major), b (C), g_W (C×d), g_b (C) and N.</summary>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">Shapes that do not fit together, C &lt; 2, or an all-zero g_b.</exception>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 1.</exception>
    /// <exception cref="NonFiniteInputException">A NaN or infinite entry.</exception>
    public static LastLayerObservation Observation(
        double[] weight, double[] bias, double[] gradW, double[] gradB, int batchSize)
    {
        int d = Shape(weight, bias, gradW, gradB, batchSize);
        Guard.Finite(weight, nameof(weight));
        Guard.Finite(bias, nameof(bias));
        Guard.Finite(gradW, nameof(gradW));
        Guard.Finite(gradB, nameof(gradB));
        RejectZeroBiasGradient(gradB);
        return new LastLayerObservation(weight, bias, gradW, gradB, bias!.Length, d, batchSize);
    }

    /// <summary>The same for float32 arrays (as PyTorch stores them); values are widened to float64.</summary>
    public static LastLayerObservation Observation(
        float[] weight, float[] bias, float[] gradW, float[] gradB, int batchSize)
    {
        Shape(weight, bias, gradW, gradB, batchSize);
        Guard.Finite(weight, nameof(weight));
        Guard.Finite(bias, nameof(bias));
        Guard.Finite(gradW, nameof(gradW));
        Guard.Finite(gradB, nameof(gradB));
        return Observation(Widen(weight!), Widen(bias!), Widen(gradW!), Widen(gradB!), batchSize);
    }

    private static int Shape(Array? weight, Array? bias, Array? gradW, Array? gradB, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(gradW);
        ArgumentNullException.ThrowIfNull(gradB);
        Guard.AtLeast(batchSize, 1, nameof(batchSize));
        int c = bias.Length;
        if (c < 2)
        {
            throw new ArgumentException(
                $"bias has {c} entries: a label audit needs a final layer with at least 2 classes (one bias per "
                + "class).",
                nameof(bias));
        }

        if (weight.Length == 0 || weight.Length % c != 0)
        {
            throw new ArgumentException(
                $"weight has {weight.Length} entries, which is not C×d for the C = {c} classes of bias (pass W "
                + $"row-major, one row of d entries per class).", nameof(weight));
        }

        int d = weight.Length / c;
        if (gradW.Length != weight.Length)
        {
            throw new ArgumentException(
                $"gradW has {gradW.Length} entries but weight has {weight.Length} (C = {c}, d = {d}): g_W must have "
                + $"W's shape.", nameof(gradW));
        }

        if (gradB.Length != c)
        {
            throw new ArgumentException(
                $"gradB has {gradB.Length} entries but bias has {c}: g_b must have b's shape.", nameof(gradB));
        }

        return d;
    }

    private static void RejectZeroBiasGradient(double[] gradB)
    {
        if (gradB.All(g => g == 0))
        {
            throw new ArgumentException(
                "gradB is all zero: a cross-entropy gradient never is (was the update taken before the backward pass, "
                + "or from a frozen layer?).", nameof(gradB));
        }
    }

    private static double[] Widen(float[] values) => values.Select(v => (double)v).ToArray();

}
