using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Testing;

namespace ILrg.Tests.Unit.Restoration.Plus;

/// <summary>
/// Observations of a confident (trained-like) classifier: sample n has 3 units of its own (active for it alone) and
/// a few shared ones; W gives the label's logit a large margin, the other logits spread over several units.
/// </summary>
internal static class ConfidentBatch
{
    public const int Classes = 10;
    public const int Private = 3;
    public const int Shared = 4;

    /// <param name="labels">One label per sample.</param>
    /// <param name="seed">Seeds W, b and the embeddings.</param>
    /// <param name="withPrivateUnits">How many samples (the first ones) get units of their own; all by default.</param>
    public static LastLayerObservation Of(int[] labels, ulong seed, int? withPrivateUnits = null)
    {
        var rng = new DeterministicRandom(seed);
        int n = labels.Length;
        int d = n * Private + Shared;
        var weight = new double[Classes * d];
        for (int i = 0; i < weight.Length; i++)
        {
            weight[i] = 2 * (2 * rng.NextDouble() - 1);
        }

        var embeddings = new double[n][];
        for (int s = 0; s < n; s++)
        {
            embeddings[s] = new double[d];
            for (int u = 0; u < Private && s < (withPrivateUnits ?? n); u++)
            {
                int r = s * Private + u;
                embeddings[s][r] = 0.5 + rng.NextDouble();
                weight[labels[s] * d + r] = 6.0; // a wide margin for the sample's own class
            }

            for (int r = n * Private; r < d; r++)
            {
                embeddings[s][r] = rng.NextDouble();
            }
        }

        double[] bias = ObservationBuilder.Uniform(rng, Classes, 0.1);
        return ObservationBuilder.FromSamples(weight, bias, Classes, d, embeddings, labels);
    }

    public static int[] CountsOf(int[] labels)
    {
        var counts = new int[Classes];
        foreach (int l in labels)
        {
            counts[l]++;
        }

        return counts;
    }
}
