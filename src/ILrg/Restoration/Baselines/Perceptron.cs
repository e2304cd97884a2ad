using ILrg.Numerics;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// A binary perceptron with intercept, trained as scikit-learn's <c>Perceptron</c> (eta 1, at most 1000 epochs,
/// tol 1e−3, 5 epochs without improvement stop it, samples shuffled every epoch) — here from an explicit seed, so the
/// result is deterministic.
/// </summary>
/// <remarks>SPEC.md §3, RLG stage 1.</remarks>
internal static class Perceptron
{
    public const int MaxEpochs = 1000;
    public const double Tolerance = 1e-3;
    public const double LearningRate = 1.0;
    public const int EpochsWithoutImprovement = 5;

    /// <summary>Training accuracy of a perceptron fitted to rows of <paramref name="samples"/> (n×k) with labels
    /// ±1.</summary>
    public static double TrainingAccuracy(double[][] samples, int[] labels, ulong seed)
    {
        int n = samples.Length;
        int k = n == 0 ? 0 : samples[0].Length;
        var w = new double[k];
        double b = 0;
        var order = Enumerable.Range(0, n).ToArray();
        var rng = new DeterministicRandom(seed);
        double best = double.PositiveInfinity;
        int stale = 0;
        for (int epoch = 0; epoch < MaxEpochs; epoch++)
        {
            rng.Shuffle<int>(order);
            double loss = 0;
            foreach (int s in order)
            {
                double margin = labels[s] * (Dot(w, samples[s]) + b);
                if (margin <= 0)
                {
                    loss -= margin;
                    for (int r = 0; r < k; r++)
                    {
                        w[r] += LearningRate * labels[s] * samples[s][r];
                    }

                    b += LearningRate * labels[s];
                }
            }

            stale = loss > best - Tolerance * n ? stale + 1 : 0;
            best = Math.Min(best, loss);
            if (stale >= EpochsWithoutImprovement)
            {
                break;
            }
        }

        int hits = 0;
        for (int s = 0; s < n; s++)
        {
            int predicted = Dot(w, samples[s]) + b > 0 ? 1 : -1;
            hits += predicted == labels[s] ? 1 : 0;
        }

        return n == 0 ? 0 : (double)hits / n;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
