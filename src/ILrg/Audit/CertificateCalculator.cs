using System.Collections.Immutable;
using ILrg.Restoration;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Audit;

/// <summary>
/// Computes the <see cref="AuditCertificate"/> of one restoration from the observation alone. The counts are checked
/// against the full iLRG system of the observation (<see cref="ILrgSystem"/>, SPEC.md §2 steps 1–3), whatever method
/// produced them, so residuals of different methods are comparable.
/// </summary>
internal static class CertificateCalculator
{
    /// <summary>Singular values below this fraction of the largest count as zero in the g_W projection.</summary>
    private const double ProjectionCutoff = 1e-10;

    /// <summary>The certificate of <paramref name="restoration"/>.</summary>
    /// <param name="observation">What the attacker sees.</param>
    /// <param name="system">The full iLRG system of <paramref name="observation"/>.</param>
    /// <param name="restoration">The method's result.</param>
    /// <param name="primary">The primary method's result (agreement is measured against it).</param>
    public static AuditCertificate Compute(
        LastLayerObservation observation, ILrgSystem system, LabelRestoration restoration, LabelRestoration primary)
    {
        int n = observation.BatchSize;
        RestorationDiagnostics? diagnostics = restoration.Diagnostics;
        bool hasSolution = diagnostics is not null && diagnostics.Solution.Length == observation.Classes;
        double[]? distances = hasSolution ? BoundaryDistances(diagnostics!.Solution.AsSpan(), n) : null;
        int? weakest = distances is null ? null : Array.IndexOf(distances, distances.Min());
        return new AuditCertificate(
            diagnostics?.Rank,
            diagnostics is not null && double.IsFinite(diagnostics.ConditionNumber)
                ? diagnostics.ConditionNumber
                : null,
            restoration.IsInstanceWise ? restoration.Counts.Sum() : null,
            restoration.IsInstanceWise ? BiasResidual(observation, system, restoration.Counts) : null,
            WeightResidual(observation, system, restoration.Counts),
            hasSolution ? OutOfRangeMass(diagnostics!.Solution.AsSpan(), n) : null,
            distances is null ? null : ImmutableArray.Create(distances),
            distances?.Min(),
            weakest,
            Agreement(restoration, primary));
    }

    /// <summary>Per class, max(0, 0.5 − |x − r|) with r the integer in [0, N] nearest to x.</summary>
    public static double[] BoundaryDistances(ReadOnlySpan<double> solution, int batchSize)
    {
        var distances = new double[solution.Length];
        for (int c = 0; c < solution.Length; c++)
        {
            double x = solution[c];
            double r = Math.Clamp(Math.Round(x, MidpointRounding.ToEven), 0, batchSize);
            distances[c] = Math.Max(0.0, 0.5 - Math.Abs(x - r));
        }

        return distances;
    }

    /// <summary>Σ max(−x, 0) + max(x − N, 0), divided by N.</summary>
    public static double OutOfRangeMass(ReadOnlySpan<double> solution, int batchSize)
    {
        double mass = 0;
        foreach (double x in solution)
        {
            mass += Math.Max(-x, 0.0) + Math.Max(x - batchSize, 0.0);
        }

        return mass / batchSize;
    }

    /// <summary>‖(Pᵀ − I)·k − N·g_b‖₂ / ‖N·g_b‖₂ (0 when both norms are 0, 1 when only N·g_b is 0).</summary>
    public static double BiasResidual(LastLayerObservation observation, ILrgSystem system, IReadOnlyList<int> counts)
    {
        double[] k = counts.Select(v => (double)v).ToArray();
        double[] residual = system.GradientResidual(k, observation.BiasGradient);
        double norm = Math.Sqrt(residual.Sum(v => v * v));
        double scale = 0;
        foreach (double g in observation.BiasGradient)
        {
            scale += g * g;
        }

        scale = Math.Sqrt(scale) * observation.BatchSize;
        return scale > 0 ? norm / scale : norm > 0 ? 1.0 : 0.0;
    }

    /// <summary>
    /// ‖(I − Π)·g_W‖_F / ‖g_W‖_F with Π the orthogonal projection onto the columns of G = Pᵀ − I of the classes with a
    /// positive count: under iLRG's model N·g_W = G·diag(k)·H for class embeddings H (rows of absent classes unused),
    /// so g_W must lie in that column space. 1 when no class is present, 0 when g_W is 0.
    /// </summary>
    public static double WeightResidual(LastLayerObservation observation, ILrgSystem system, IReadOnlyList<int> counts)
    {
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        int[] present = Enumerable.Range(0, c).Where(i => counts[i] > 0).ToArray();
        using var scope = NewDisposeScope();
        Tensor gw = tensor(observation.WeightGradient.ToArray(), float64).reshape(c, d);
        double total = Norm(observation.WeightGradient);
        if (total == 0)
        {
            return 0.0;
        }

        if (present.Length == 0)
        {
            return 1.0;
        }

        Tensor g = tensor(system.GradientRows.ToArray(), float64).reshape(c, c);
        Tensor columns = g.index_select(1, tensor(present.Select(i => (long)i).ToArray(), int64));
        var (u, s, _) = linalg.svd(columns, fullMatrices: false);
        double largest = s.max().item<double>();
        using Scalar cutoff = ProjectionCutoff * largest; // held until used: a temporary can be finalized mid-call
        Tensor basis = u.index_select(1, nonzero(s.gt(cutoff)).flatten());
        Tensor residual = gw - basis.matmul(basis.t().matmul(gw));
        return Norm(residual.contiguous().data<double>().ToArray()) / total;
    }

    private static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    private static double Agreement(LabelRestoration restoration, LabelRestoration primary)
    {
        int c = primary.Counts.Length;
        bool counts = restoration.IsInstanceWise && primary.IsInstanceWise;
        int same = 0;
        for (int i = 0; i < c; i++)
        {
            same += counts
                ? (restoration.Counts[i] == primary.Counts[i] ? 1 : 0)
                : ((restoration.Counts[i] > 0) == (primary.Counts[i] > 0) ? 1 : 0);
        }

        return (double)same / c;
    }
}
