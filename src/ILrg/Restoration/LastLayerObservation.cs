using System.Globalization;
using ILrg.Numerics;

namespace ILrg.Restoration;

/// <summary>
/// Everything a label-restoration attacker sees of one client update: the final layer's weights W (C×d) and bias b (C),
/// their gradients g_W and g_b of the batch-mean cross-entropy, and the batch size N. It deliberately has no place for
/// ground-truth labels, so no restorer can peek at the truth (DESIGN.md, "Invariant").
/// </summary>
/// <remarks>Matrices are row-major: entry (i, r) of W is at <c>i * EmbeddingSize + r</c>. SPEC.md §1
/// notation.</remarks>
public sealed class LastLayerObservation
{
    private readonly double[] _weight;
    private readonly double[] _bias;
    private readonly double[] _weightGradient;
    private readonly double[] _biasGradient;

    /// <summary>Validates and copies the inputs.</summary>
    /// <exception cref="ArgumentException">A shape does not match, or C, d or N is below 1.</exception>
    /// <exception cref="NonFiniteInputException">Any entry is NaN or infinite.</exception>
    public LastLayerObservation(
        ReadOnlySpan<double> weight,
        ReadOnlySpan<double> bias,
        ReadOnlySpan<double> weightGradient,
        ReadOnlySpan<double> biasGradient,
        int classes,
        int embeddingSize,
        int batchSize)
    {
        Guard.AtLeast(classes, 1, nameof(classes));
        Guard.AtLeast(embeddingSize, 1, nameof(embeddingSize));
        Guard.AtLeast(batchSize, 1, nameof(batchSize));
        string shape = string.Create(CultureInfo.InvariantCulture, $"C={classes}, d={embeddingSize}");
        Guard.Length(weight, classes * embeddingSize, "W", shape);
        Guard.Length(bias, classes, "b", shape);
        Guard.Length(weightGradient, classes * embeddingSize, "g_W", shape);
        Guard.Length(biasGradient, classes, "g_b", shape);
        Guard.Finite(weight, "W");
        Guard.Finite(bias, "b");
        Guard.Finite(weightGradient, "g_W");
        Guard.Finite(biasGradient, "g_b");
        Classes = classes;
        EmbeddingSize = embeddingSize;
        BatchSize = batchSize;
        _weight = weight.ToArray();
        _bias = bias.ToArray();
        _weightGradient = weightGradient.ToArray();
        _biasGradient = biasGradient.ToArray();
    }

    /// <summary>Number of classes C.</summary>
    public int Classes { get; }

    /// <summary>Input width d of the final layer (the embedding size).</summary>
    public int EmbeddingSize { get; }

    /// <summary>Batch size N (known to the server in FedSGD).</summary>
    public int BatchSize { get; }

    /// <summary>W, row-major C×d.</summary>
    public ReadOnlySpan<double> Weight => _weight;

    /// <summary>b, length C.</summary>
    public ReadOnlySpan<double> Bias => _bias;

    /// <summary>g_W, row-major C×d.</summary>
    public ReadOnlySpan<double> WeightGradient => _weightGradient;

    /// <summary>g_b, length C.</summary>
    public ReadOnlySpan<double> BiasGradient => _biasGradient;

    /// <summary>The arrays behind W and g_W, shared with zero-copy tensors in the restorers (never written).</summary>
    internal double[] WeightValues => _weight;

    /// <inheritdoc cref="WeightValues"/>
    internal double[] WeightGradientValues => _weightGradient;

    /// <inheritdoc cref="WeightValues"/>
    internal double[] BiasGradientValues => _biasGradient;

    /// <summary>A copy with other gradients (used by defences); validation applies again.</summary>
    public LastLayerObservation WithGradients(ReadOnlySpan<double> weightGradient, ReadOnlySpan<double> biasGradient) =>
        new(_weight, _bias, weightGradient, biasGradient, Classes, EmbeddingSize, BatchSize);

    /// <summary>Row sums Σ_r g_W[i, r], one per class.</summary>
    public double[] WeightGradientRowSums()
    {
        var sums = new double[Classes];
        for (int i = 0; i < Classes; i++)
        {
            double s = 0;
            ReadOnlySpan<double> row = WeightGradient.Slice(i * EmbeddingSize, EmbeddingSize);
            foreach (double v in row)
            {
                s += v;
            }

            sums[i] = s;
        }

        return sums;
    }
}
