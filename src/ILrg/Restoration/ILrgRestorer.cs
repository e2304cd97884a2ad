using System.Collections.Immutable;
using static TorchSharp.torch;

namespace ILrg.Restoration;

/// <summary>
/// iLRG: instance-wise batch label restoration from the final layer's gradients (ICLR 2023), exactly as SPEC.md §2.
/// </summary>
/// <remarks>
/// 1. ê_i = g_W[i,:]/g_b[i] with the reference's clipping (<see cref="ClassEmbeddingRecovery"/>);
/// 2. P_i = softmax(α·(W ê_i + b));
/// 3. the (C+1)×C system [1ᵀ; Pᵀ − I]·k = [N; N·g_b];
/// 4. k = A⁺·y in float64 (<see cref="PseudoinverseSolver"/>);
/// 5–6. <see cref="CountPostProcessing"/> gives res and the fixed mod_res.
/// </remarks>
public sealed class ILrgRestorer : ILabelRestorer
{
    private readonly ILrgOptions _options;

    /// <summary>Creates the restorer.</summary>
    public ILrgRestorer(ILrgOptions? options = null)
    {
        _options = options ?? new ILrgOptions();
        if (!double.IsFinite(_options.Alpha) || _options.Alpha <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Alpha, "alpha must be a positive finite number");
        }
    }

    /// <inheritdoc />
    public string Name => _options.Variant switch
    {
        ILrgVariant.Simplified => "ilrg-simplified",
        ILrgVariant.Estimate => "ilrg-estimate",
        _ => "ilrg",
    };

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        using var scope = NewDisposeScope();
        int c = observation.Classes;
        int n = observation.BatchSize;
        Tensor gb = tensor(observation.BiasGradient.ToArray(), float64);
        Tensor probabilities = ClassProbabilities(observation, gb); // row j = P_j
        Tensor gradientRows = probabilities.t() - eye(c, dtype: float64); // entry (i, j) = P_j[i] − δ_ij
        int[] unknowns = Unknowns(observation);
        Tensor columns = tensor(unknowns.Select(u => (long)u).ToArray(), int64);
        Tensor matrix = cat([ones(1, unknowns.Length, dtype: float64), gradientRows.index_select(1, columns)], 0);
        Tensor rhs = cat([tensor(new double[] { n }, float64), gb * n], 0);
        NoISolution solution = PseudoinverseSolver.Solve(matrix, rhs);

        var full = new double[c];
        for (int u = 0; u < unknowns.Length; u++)
        {
            full[unknowns[u]] = solution.Values[u];
        }

        ImmutableArray<int> res = CountPostProcessing.Res(full, n);
        ImmutableArray<int> corrected = CountPostProcessing.CorrectedCounts(full, res, n);
        Tensor resTensor = tensor(res.Select(v => (double)v).ToArray(), float64);
        Tensor target = gb * n;
        double residual = (gradientRows.matmul(resTensor) - target).norm().item<double>();
        double scale = target.norm().item<double>();
        var diagnostics = new RestorationDiagnostics(
            [.. full], solution.Rank, solution.ConditionNumber, residual, scale > 0 ? residual / scale : 0.0);
        return new LabelRestoration(Name, res, corrected, diagnostics, IsInstanceWise: true);
    }

    private Tensor ClassProbabilities(LastLayerObservation observation, Tensor gb)
    {
        int c = observation.Classes;
        if (_options.Variant == ILrgVariant.Estimate)
        {
            return full(c, c, 1.0 / c, dtype: float64);
        }

        Tensor w = tensor(observation.Weight.ToArray(), float64).reshape(c, observation.EmbeddingSize);
        Tensor b = tensor(observation.Bias.ToArray(), float64);
        Tensor gw = tensor(observation.WeightGradient.ToArray(), float64).reshape(c, observation.EmbeddingSize);
        Tensor embeddings = ClassEmbeddingRecovery.Recover(gw, gb);
        Tensor logits = embeddings.matmul(w.t()) + b;
        return nn.functional.softmax(logits * _options.Alpha, 1);
    }

    private int[] Unknowns(LastLayerObservation observation)
    {
        if (_options.Variant != ILrgVariant.Simplified)
        {
            return Enumerable.Range(0, observation.Classes).ToArray();
        }

        int[] present = _options.PresentClasses is { } given
            ? given.Distinct().Order().ToArray()
            : Enumerable.Range(0, observation.Classes).Where(i => observation.BiasGradient[i] < 0).ToArray();
        if (present.Any(i => i < 0 || i >= observation.Classes))
        {
            throw new ArgumentException(
                $"present classes must lie in [0, {observation.Classes}); got [{string.Join(", ", present)}].");
        }

        // With no class judged present the system would have no unknowns; fall back to all classes.
        return present.Length == 0 ? Enumerable.Range(0, observation.Classes).ToArray() : present;
    }
}
