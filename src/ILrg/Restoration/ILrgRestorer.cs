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
            throw new ArgumentOutOfRangeException(nameof(options), _options.Alpha,
                "alpha must be a positive finite number");
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
        ArgumentNullException.ThrowIfNull(observation);
        return Restore(observation, ILrgSystem.Build(observation, _options));
    }

    /// <summary>pinv + rounding of an already built system of <paramref name="observation"/>.</summary>
    internal LabelRestoration Restore(LastLayerObservation observation, ILrgSystem system)
    {
        using var scope = NewDisposeScope();
        int c = observation.Classes;
        int n = observation.BatchSize;
        int u = system.Unknowns.Length;
        Tensor matrix = from_array(system.MatrixValues).reshape(c + 1, u); // shares the array, read only
        Tensor rhs = tensor(system.Rhs.ToArray(), float64);
        NoISolution solution = PseudoinverseSolver.Solve(matrix, rhs);

        var full = new double[c];
        for (int k = 0; k < u; k++)
        {
            full[system.Unknowns[k]] = solution.Values[k];
        }

        ImmutableArray<int> res = CountPostProcessing.Res(full, n);
        ImmutableArray<int> corrected = CountPostProcessing.CorrectedCounts(full, res, n);
        double[] gradientResidual = system.GradientResidual(res.Select(v => (double)v).ToArray(),
            observation.BiasGradient);
        double residual = Math.Sqrt(gradientResidual.Sum(v => v * v));
        double scale = 0;
        foreach (double g in observation.BiasGradient)
        {
            scale += n * g * n * g;
        }

        scale = Math.Sqrt(scale);
        var diagnostics = new RestorationDiagnostics(
            [.. full], solution.Rank, solution.ConditionNumber, residual, scale > 0 ? residual / scale : 0.0, u);
        return new LabelRestoration(Name, res, corrected, diagnostics, IsInstanceWise: true);
    }
}
