using System.Collections.Immutable;
using static TorchSharp.torch;

namespace ILrg.Restoration.Plus;

/// <summary>
/// iLRG+ (issue 12): iLRG's answer refined where the paper is weak — deep batches on shallow networks and trained
/// models — from the same observation (W, b, g_W, g_b, N) and no auxiliary data.
/// </summary>
/// <remarks>
/// Start: iLRG (SPEC.md §2). Then, by regime:
/// <list type="bullet">
/// <item>Confident model (pure rays of g_W show a peaked leak, <see cref="RayDecomposition"/>, or else stage 1's
/// estimate p̂ is peaked: normalised perplexity below <see cref="ILrgPlusOptions.FlatnessGate"/>) and non-negative
/// embeddings: one ray per sample, counts = the rays' labels (stage 3; exact in principle for N &lt; C, a heuristic
/// beyond). Confident without a complete decomposition (more than <see cref="ILrgPlusOptions.MaxGreedyRays"/> rays
/// left to find): iLRG's answer is kept, since stages 1–2 assume a flat softmax.</item>
/// <item>Otherwise: the batch-mean probability from the weighted mean embedding (stage 1,
/// <see cref="MeanEmbeddingEstimator"/>), then class unmixing when some class is judged absent (stage 2,
/// <see cref="ClassUnmixing"/>), rounding as SPEC §2.5. Of the rounded counts and iLRG's, the ones with the smaller
/// gradient residual under the final class probabilities are returned, so the answer never fits the final model
/// worse than its starting point.</item>
/// </list>
/// The derivations, assumptions and measurements are in docs/beyond-the-paper.md.
/// </remarks>
public sealed class ILrgPlusRestorer : ILabelRestorer
{
    private readonly ILrgPlusOptions _options;

    /// <summary>Creates the restorer.</summary>
    /// <param name="options">Settings (defaults when null).</param>
    /// <param name="name">Report name.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ILrgPlusRestorer(ILrgPlusOptions? options = null, string name = "ilrg+")
    {
        _options = options ?? new ILrgPlusOptions();
        _options.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation) => Trace(observation).Restoration;

    /// <summary>Restores and reports which stage decided and the residuals of the start and the answer.</summary>
    public ILrgPlusTrace Trace(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes;
        int n = observation.BatchSize;
        var ilrgOptions = new ILrgOptions(ILrgVariant.Full, _options.Alpha);
        LabelRestoration start =
            new ILrgRestorer(ilrgOptions).Restore(observation, ILrgSystem.Build(observation, ilrgOptions));
        SampleRays? rays = _options.UseRays && _options.Sign != EmbeddingSign.AnySign
            ? RayDecomposition.Decompose(observation, maxGreedyRays: 0)
            : null;

        // Repeated columns (units private to one sample) are a third signature of non-negative embeddings.
        bool nonNegative = _options.Sign switch
        {
            EmbeddingSign.NonNegative => true,
            EmbeddingSign.AnySign => false,
            _ => rays is { Pure: > 0 } || EmbeddingSignTest.LooksNonNegative(observation),
        };
        rays = nonNegative ? rays : null;
        MeanEmbeddingEstimate? mean = MeanEmbeddingEstimator.Estimate(
            observation, start.Diagnostics!.Solution.AsSpan(), _options, nonNegative);

        // The regime: the pure rays' leak when there are any, else how peaked stage 1's p̂ is (both near 1 when flat).
        double flatness = rays is { Pure: > 0 } ? rays.Flatness : NormalisedPerplexity(mean?.Probabilities);
        if (flatness < _options.FlatnessGate)
        {
            rays = rays is null ? null : RayDecomposition.Decompose(observation, _options.MaxGreedyRays);
            return rays is { Complete: true }
                ? FromRays(rays, start, c, nonNegative, flatness)
                : Kept(start, nonNegative, rays, flatness);
        }

        if (mean is null)
        {
            return Kept(start, nonNegative, rays, flatness);
        }

        var unmixed = ClassUnmixing.Refine(observation, mean.Counts, mean.Probabilities, _options);
        double[] solution = unmixed?.Counts ?? mean.Counts;
        double[][] probabilities = unmixed?.Probabilities ?? Enumerable.Repeat(mean.Probabilities, c).ToArray();
        ILrgPlusStage stage = unmixed is null ? ILrgPlusStage.MeanEmbedding : ILrgPlusStage.Unmixing;

        ImmutableArray<int> res = CountPostProcessing.Res(solution, n);
        double own = Residual(observation, probabilities, res);
        double startResidual = Residual(observation, probabilities, start.Counts);
        if (startResidual < own && !start.Counts.SequenceEqual(res))
        {
            (res, solution, stage, own) =
                (start.Counts, [.. start.Diagnostics.Solution], ILrgPlusStage.Start, startResidual);
        }

        ImmutableArray<int> corrected = CountPostProcessing.CorrectedCounts(solution, res, n);
        NoISolution system = SolveFinalSystem(observation, probabilities);
        double scale = Math.Sqrt(observation.BiasGradient.ToArray().Sum(g => n * g * n * g));
        var diagnostics = new RestorationDiagnostics(
            [.. solution], system.Rank, system.ConditionNumber, own, scale > 0 ? own / scale : 0.0);
        var restoration = new LabelRestoration(Name, res, corrected, diagnostics, IsInstanceWise: true);
        return new ILrgPlusTrace(restoration, stage, start.Counts, startResidual, own, nonNegative, flatness, rays);
    }

    /// <summary>‖Σ_j k_j·(P_j − e_j) − N·g_b‖₂ with P_j = <paramref name="probabilities"/>[j].</summary>
    public static double Residual(LastLayerObservation observation, double[][] probabilities, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(counts);
        int c = observation.Classes;
        var r = new double[c];
        for (int i = 0; i < c; i++)
        {
            r[i] = -observation.BatchSize * observation.BiasGradient[i] - counts[i];
        }

        for (int j = 0; j < c; j++)
        {
            if (counts[j] != 0)
            {
                for (int i = 0; i < c; i++)
                {
                    r[i] += counts[j] * probabilities[j][i];
                }
            }
        }

        return Math.Sqrt(r.Sum(v => v * v));
    }

    /// <summary>exp(entropy)/C of a probability vector: 1 for the uniform vector, 1/C for a one-hot one; NaN for
    /// null.</summary>
    public static double NormalisedPerplexity(IReadOnlyList<double>? p)
    {
        if (p is null || p.Count == 0)
        {
            return double.NaN;
        }

        double entropy = -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
        return Math.Exp(entropy) / p.Count;
    }

    private ILrgPlusTrace FromRays(SampleRays rays, LabelRestoration start, int c, bool nonNegative, double flatness)
    {
        var counts = new int[c];
        foreach (int label in rays.Labels)
        {
            counts[label]++;
        }

        ImmutableArray<int> k = [.. counts];
        var diagnostics = new RestorationDiagnostics(
            [.. counts.Select(v => (double)v)], rays.Labels.Length, double.NaN, double.NaN, double.NaN);
        var restoration = new LabelRestoration(Name, k, k, diagnostics, IsInstanceWise: true);
        return new ILrgPlusTrace(
            restoration, ILrgPlusStage.Rays, start.Counts, double.NaN, double.NaN, nonNegative, flatness, rays);
    }

    private ILrgPlusTrace Kept(LabelRestoration start, bool nonNegative, SampleRays? rays, double flatness) => new(
        start with { Method = Name }, ILrgPlusStage.Start, start.Counts, start.Diagnostics!.GradientResidual,
        start.Diagnostics.GradientResidual, nonNegative, flatness, rays);

    /// <summary>Rank and condition of [1ᵀ; Pᵀ − I] for the final class probabilities.</summary>
    private static NoISolution SolveFinalSystem(LastLayerObservation observation, double[][] probabilities)
    {
        using var scope = NewDisposeScope();
        int c = observation.Classes;
        int n = observation.BatchSize;
        Tensor p = tensor(probabilities.SelectMany(row => row).ToArray(), float64).reshape(c, c);
        Tensor matrix = cat([ones(1, c, dtype: float64), p.t() - eye(c, dtype: float64)], 0);
        Tensor rhs = cat(
            [tensor(new double[] { n }, float64), tensor(observation.BiasGradient.ToArray(), float64) * n], 0);
        return PseudoinverseSolver.Solve(matrix, rhs);
    }
}
