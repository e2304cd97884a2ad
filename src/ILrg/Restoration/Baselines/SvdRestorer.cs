using ILrg.Numerics;
using static TorchSharp.torch;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// RLG / SVD (Dang et al., "Revealing and protecting labels in distributed training"): class-wise presence from the
/// right singular vectors of g_Wᵀ. Class i is present when a perceptron separates c_i from the other c_j with training
/// accuracy above 0.9 AND an LP (OR-Tools GLOP) finds x with c_i·x &lt; −0.1 and c_j·x ≥ 0 for every other j.
/// </summary>
/// <remarks>
/// SPEC.md §3: thin SVD of g_Wᵀ (d×C) in float64; numerical rank with numpy's default tolerance
/// (σ_max·max(d, C)·ε); k = min(N, rank); c_i = column i of the first k rows of Vᵀ. The perceptron's epoch shuffles
/// come from the constructor's seed, so the method is deterministic for a seed.
/// </remarks>
public sealed class SvdRestorer : ILabelRestorer
{
    /// <summary>Training accuracy the perceptron must exceed.</summary>
    public const double AccuracyThreshold = 0.9;

    /// <summary>Unit round-off of float64 (numpy's finfo(float64).eps).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly ulong _seed;

    /// <summary>Creates the restorer.</summary>
    public SvdRestorer(ulong seed = 0) => _seed = seed;

    /// <inheritdoc />
    public string Name => "svd";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes;
        double[][] points = RightSingularCoordinates(observation, out int k);
        var present = new bool[c];
        if (k == 0)
        {
            return ClassWiseSign.Result(Name, present);
        }

        ulong perceptronSeed = DeterministicRandom.Derive(_seed, 0x5744UL);
        for (int i = 0; i < c; i++)
        {
            // Both stages must accept; the LP runs first because it is cheap and rejects most absent classes, whose
            // perceptron rarely converges (the conjunction, and so the result, is the same in either order).
            if (!LpSeparation.Separable(points, i))
            {
                continue;
            }

            int[] labels = Enumerable.Range(0, c).Select(j => j == i ? 1 : -1).ToArray();
            present[i] = Perceptron.TrainingAccuracy(points, labels, perceptronSeed) > AccuracyThreshold;
        }

        return ClassWiseSign.Result(Name, present);
    }

    /// <summary>c_i for every class (C rows of length k) and k = min(N, numerical rank of g_W).</summary>
    internal static double[][] RightSingularCoordinates(LastLayerObservation observation, out int k)
    {
        using var scope = NewDisposeScope();
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        Tensor gwT = tensor(observation.WeightGradient.ToArray(), float64).reshape(c, d).t();
        var (_, s, vh) = linalg.svd(gwT, fullMatrices: false);
        double[] singular = s.data<double>().ToArray();
        double largest = singular.Length == 0 ? 0 : singular.Max();
        double tolerance = largest * Math.Max(d, c) * MachineEpsilon;
        int rank = largest == 0 ? 0 : singular.Count(v => v > tolerance);
        k = Math.Min(observation.BatchSize, rank);
        double[] v = vh.contiguous().data<double>().ToArray(); // r×C, row-major
        var points = new double[c][];
        for (int i = 0; i < c; i++)
        {
            points[i] = new double[k];
            for (int r = 0; r < k; r++)
            {
                points[i][r] = v[r * c + i];
            }
        }

        return points;
    }
}
