using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Restoration;

/// <summary>
/// The iLRG linear system of one observation (SPEC.md §2 steps 1–3), in managed float64: the gradient rows
/// G[i, j] = P_j[i] − δ_ij over all classes, the chosen unknown columns, and the (C+1)×u system A·k = y with
/// A = [1ᵀ; G restricted to the unknowns] and y = [N; N·g_b].
/// </summary>
/// <remarks>
/// Shared by <see cref="ILrgRestorer"/> (pseudoinverse + rounding) and the integer-aware solver, so both solve the
/// same system. Row-major arrays: G[i, j] is at <c>i * Classes + j</c>; A[r, u] at <c>r * Unknowns.Length + u</c>.
/// </remarks>
public sealed class ILrgSystem
{
    private readonly double[] _gradientRows;
    private readonly double[] _matrix;
    private readonly double[] _rhs;
    private readonly int[] _unknowns;

    private ILrgSystem(int classes, int batchSize, double[] gradientRows, int[] unknowns, double[] biasGradient)
    {
        Classes = classes;
        BatchSize = batchSize;
        _gradientRows = gradientRows;
        _unknowns = unknowns;
        int u = unknowns.Length;
        _matrix = new double[(classes + 1) * u];
        _rhs = new double[classes + 1];
        _rhs[0] = batchSize;
        for (int col = 0; col < u; col++)
        {
            _matrix[col] = 1.0;
        }

        for (int i = 0; i < classes; i++)
        {
            _rhs[i + 1] = batchSize * biasGradient[i];
            for (int col = 0; col < u; col++)
            {
                _matrix[(i + 1) * u + col] = gradientRows[i * classes + unknowns[col]];
            }
        }
    }

    /// <summary>Number of classes C.</summary>
    public int Classes { get; }

    /// <summary>Batch size N.</summary>
    public int BatchSize { get; }

    /// <summary>The classes that are unknowns of the system (all of them except in the simplified variant).</summary>
    public ReadOnlySpan<int> Unknowns => _unknowns;

    /// <summary>G, C×C row-major: G[i, j] = P_j[i] − δ_ij.</summary>
    public ReadOnlySpan<double> GradientRows => _gradientRows;

    /// <summary>A, (C+1)×u row-major.</summary>
    public ReadOnlySpan<double> Matrix => _matrix;

    /// <summary>The array behind <see cref="Matrix"/>, for a zero-copy tensor (never written).</summary>
    internal double[] MatrixValues => _matrix;

    /// <summary>y = [N; N·g_b], length C+1.</summary>
    public ReadOnlySpan<double> Rhs => _rhs;

    /// <summary>Builds the system of <paramref name="observation"/> under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">Simplified variant with present classes outside [0, C).</exception>
    public static ILrgSystem Build(LastLayerObservation observation, ILrgOptions options)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = NewDisposeScope();
        int c = observation.Classes;
        double[] gbValues = observation.BiasGradient.ToArray();
        Tensor gb = tensor(gbValues, float64);
        Tensor probabilities = ClassProbabilities(observation, options); // row j = P_j
        var rows = new double[c * c];
        Tensor gradientRows = from_array(rows).reshape(c, c); // shares rows: the copy below fills it
        using (Scalar one = 1.0) // held until used: a temporary Scalar can be finalized mid-call
        {
            gradientRows.copy_(probabilities.t()).diagonal().sub_(one);
        }

        return new ILrgSystem(
            c, observation.BatchSize, rows, SelectUnknowns(observation, options, gradientRows, gb), gbValues);
    }

    /// <summary>(Pᵀ − I)·counts − N·g_b over all classes: the gradient residual of a full count vector.</summary>
    public double[] GradientResidual(ReadOnlySpan<double> counts, ReadOnlySpan<double> biasGradient)
    {
        if (counts.Length != Classes || biasGradient.Length != Classes)
        {
            throw new ArgumentException($"expected {Classes} counts and bias gradients, got {counts.Length} and " +
                                        $"{biasGradient.Length}");
        }

        var r = new double[Classes];
        for (int i = 0; i < Classes; i++)
        {
            double s = -BatchSize * biasGradient[i];
            for (int j = 0; j < Classes; j++)
            {
                s += _gradientRows[i * Classes + j] * counts[j];
            }

            r[i] = s;
        }

        return r;
    }

    private static Tensor ClassProbabilities(LastLayerObservation observation, ILrgOptions options)
    {
        int c = observation.Classes;
        if (options.Variant == ILrgVariant.Estimate)
        {
            using Scalar uniform = 1.0 / c; // held until used: a temporary Scalar can be finalized mid-call
            return full(c, c, uniform, dtype: float64);
        }

        int d = observation.EmbeddingSize;
        Tensor w = from_array(observation.WeightValues).reshape(c, d); // shares the observation's array, read only
        Tensor b = tensor(observation.Bias.ToArray(), float64);
        Tensor embeddings = from_array(ClassEmbeddingRecovery.Recover(
            observation.WeightGradientValues, observation.BiasGradientValues, c, d)).reshape(c, d);
        using Scalar one = 1.0; // alpha held alive: a temporary Scalar can be finalized while libtorch reads it
        Tensor logits = embeddings.matmul(w.t()).add(b, one);
        using Scalar alpha = options.Alpha; // held until used: a temporary Scalar can be finalized mid-call
        return nn.functional.softmax(logits * alpha, 1);
    }

    private static int[] SelectUnknowns(
        LastLayerObservation observation, ILrgOptions options, Tensor gradientRows, Tensor gb)
    {
        if (options.Variant != ILrgVariant.Simplified)
        {
            return Enumerable.Range(0, observation.Classes).ToArray();
        }

        int[] present = options.PresentClasses is { } given
            ? given.Distinct().Order().ToArray()
            : PresentByFullSolve(observation, gradientRows, gb);
        if (present.Any(i => i < 0 || i >= observation.Classes))
        {
            throw new ArgumentException(
                $"present classes must lie in [0, {observation.Classes}); got [{string.Join(", ", present)}].");
        }

        // With no class judged present the system would have no unknowns; fall back to all classes.
        return present.Length == 0 ? Enumerable.Range(0, observation.Classes).ToArray() : present;
    }

    /// <summary>
    /// Label-free presence for the simplified variant: the classes with a positive count in the full system's solution
    /// (after SPEC §2.5's post-processing). The bias-gradient sign is no substitute: g_b[i] = p̄_i − k_i/N stays
    /// positive for a present class whenever k_i/N is below its mean probability, which on MNIST is common.
    /// </summary>
    private static int[] PresentByFullSolve(LastLayerObservation observation, Tensor gradientRows, Tensor gb)
    {
        using var scope = NewDisposeScope();
        int c = observation.Classes;
        int n = observation.BatchSize;
        Tensor matrix = cat([ones(1, c, dtype: float64), gradientRows], 0);
        using Scalar batch = (double)n; // held until used: a temporary Scalar can be finalized mid-call
        Tensor rhs = cat([tensor(new double[] { n }, float64), gb * batch], 0);
        NoISolution full = PseudoinverseSolver.Solve(matrix, rhs);
        var res = CountPostProcessing.Res(full.Values, n);
        return Enumerable.Range(0, c).Where(i => res[i] > 0).ToArray();
    }
}
