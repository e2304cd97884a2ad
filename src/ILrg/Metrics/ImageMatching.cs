using System.Collections.Immutable;
using Google.OrTools.Graph;

namespace ILrg.Metrics;

/// <summary>Matches reconstructions to ground-truth images by an optimal assignment on MSE (SPEC.md §4).</summary>
/// <remarks>Uses OR-Tools' <see cref="LinearSumAssignment"/>; its costs are integers, so MSE (at most 1 on [0,1]
/// pixels) is scaled by 1e12 and rounded, a resolution far below any difference that matters.</remarks>
public static class ImageMatching
{
    private const double CostScale = 1e12;

    /// <summary>For each reconstruction i, the index of the ground-truth image it is matched to (a
    /// permutation).</summary>
    /// <param name="reconstructions">N images, each of <paramref name="imageSize"/> values, image after image.</param>
    /// <param name="truths">N ground-truth images in the same layout.</param>
    /// <param name="imageSize">Values per image.</param>
    /// <exception cref="ArgumentException">The layouts disagree.</exception>
    /// <exception cref="InvalidOperationException">The solver did not reach an optimum.</exception>
    public static ImmutableArray<int> Match(ReadOnlySpan<float> reconstructions, ReadOnlySpan<float> truths,
        int imageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        if (reconstructions.Length != truths.Length || reconstructions.Length % imageSize != 0 || truths.Length == 0)
        {
            throw new ArgumentException(
                $"{reconstructions.Length} reconstructed and {truths.Length} true values do not form equal sets of " +
                $"images of {imageSize} values");
        }

        int n = truths.Length / imageSize;
        using var solver = new LinearSumAssignment();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> rec = reconstructions.Slice(i * imageSize, imageSize);
            for (int j = 0; j < n; j++)
            {
                double mse = ImageMetrics.Mse(rec, truths.Slice(j * imageSize, imageSize));
                solver.AddArcWithCost(i, j, (long)Math.Round(mse * CostScale));
            }
        }

        var status = solver.Solve();
        if (status != LinearSumAssignment.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"the assignment solver stopped with status {status}");
        }

        return [.. Enumerable.Range(0, n).Select(i => solver.RightMate(i))];
    }
}
