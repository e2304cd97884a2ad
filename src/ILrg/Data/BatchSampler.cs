using ILrg.Numerics;

namespace ILrg.Data;

/// <summary>Draws batches with a given label distribution from an explicit seed (SPEC.md §6).</summary>
public sealed class BatchSampler
{
    private readonly IImageDataset _dataset;
    private readonly int[][] _byClass;

    /// <summary>Indexes the dataset by class once.</summary>
    public BatchSampler(IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        var lists = Enumerable.Range(0, dataset.Classes).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < dataset.Count; i++)
        {
            lists[dataset.LabelOf(i)].Add(i);
        }

        _byClass = lists.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>Samples a batch.</summary>
    /// <param name="size">N ≥ 1.</param>
    /// <param name="distribution">The label distribution.</param>
    /// <param name="seed">The seed; the same seed gives the same batch.</param>
    /// <param name="classesInBatch">m for balanced and random2 (default min(C, N)).</param>
    /// <exception cref="ArgumentException">N &lt; 1, or the dataset cannot supply the requested batch.</exception>
    public Batch Sample(int size, BatchDistribution distribution, ulong seed, int? classesInBatch = null)
    {
        Guard.AtLeast(size, 1, "batch size");
        var rng = new DeterministicRandom(seed);
        int classes = _dataset.Classes;
        int m = classesInBatch ?? Math.Min(classes, size);
        int[] indices = distribution switch
        {
            BatchDistribution.Random => RandomIndices(size, rng),
            BatchDistribution.Balanced => FromCounts(Balanced(size, m, rng), rng),
            BatchDistribution.Random2 => FromCounts(Composition(size, m, rng), rng),
            BatchDistribution.CustomImbalanced => FromCounts(CustomImbalanced(size), rng),
            BatchDistribution.Extreme => FromCounts(new Dictionary<int, int> { [rng.NextInt(classes)] = size }, rng),
            BatchDistribution.Unique => FromCounts(Unique(size, rng), rng),
            _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "unknown distribution"),
        };
        return new Batch(_dataset, indices, indices.Select(_dataset.LabelOf).ToArray());
    }

    /// <summary>
    /// A non-IID client batch (issue 11): class proportions q ~ Dirichlet(α·1) over the C classes, then N labels drawn
    /// from q (multinomial), then images of those classes. Small α concentrates the batch on few classes.
    /// </summary>
    /// <exception cref="ArgumentException">N &lt; 1, α not positive, or a class lacks the images drawn.</exception>
    public Batch SampleDirichlet(int size, double alpha, ulong seed)
    {
        Guard.AtLeast(size, 1, "batch size");
        if (!double.IsFinite(alpha) || alpha <= 0)
        {
            throw new ArgumentException($"Dirichlet α must be a positive finite number, got {alpha}");
        }

        var rng = new DeterministicRandom(seed);
        double[] q = rng.NextDirichlet(_dataset.Classes, alpha);
        var counts = new Dictionary<int, int>();
        for (int i = 0; i < size; i++)
        {
            double u = rng.NextDouble(), cumulative = 0;
            int cls = q.Length - 1;
            for (int c = 0; c < q.Length; c++)
            {
                cumulative += q[c];
                if (u < cumulative)
                {
                    cls = c;
                    break;
                }
            }

            counts[cls] = counts.GetValueOrDefault(cls) + 1;
        }

        int[] indices = FromCounts(counts, rng);
        return new Batch(_dataset, indices, indices.Select(_dataset.LabelOf).ToArray());
    }

    private int[] RandomIndices(int size, DeterministicRandom rng)
    {
        if (size > _dataset.Count)
        {
            throw new ArgumentException($"batch size {size} exceeds the {_dataset.Count} images of {_dataset.Name}");
        }

        return rng.SampleWithoutReplacement(Enumerable.Range(0, _dataset.Count).ToArray(), size);
    }

    private Dictionary<int, int> Balanced(int size, int m, DeterministicRandom rng)
    {
        int[] chosen = ChooseClasses(m, size, rng);
        return chosen.Select((c, i) => (c, n: size / m + (i < size % m ? 1 : 0))).ToDictionary(t => t.c, t => t.n);
    }

    private Dictionary<int, int> Composition(int size, int m, DeterministicRandom rng)
    {
        int[] chosen = ChooseClasses(m, size, rng);
        // m−1 distinct cut points in 1..N−1 give a uniform composition of N into m positive parts.
        int[] cuts = [0, .. rng.SampleWithoutReplacement(Enumerable.Range(1, size - 1).ToArray(), m - 1).Order(), size];
        return chosen.Select((c, i) => (c, n: cuts[i + 1] - cuts[i])).ToDictionary(t => t.c, t => t.n);
    }

    private Dictionary<int, int> CustomImbalanced(int size)
    {
        if (_dataset.Classes < 93 || size < 3)
        {
            throw new ArgumentException(
                $"custom_imbalanced needs classes 0, 18 and 92 (C ≥ 93) and N ≥ 3; got C = {_dataset.Classes}, N = {size}");
        }

        return new Dictionary<int, int> { [0] = 1, [18] = size - 2, [92] = 1 };
    }

    private Dictionary<int, int> Unique(int size, DeterministicRandom rng) =>
        ChooseClasses(size, size, rng).ToDictionary(c => c, _ => 1);

    private int[] ChooseClasses(int m, int size, DeterministicRandom rng)
    {
        if (m < 1 || m > _dataset.Classes || m > size)
        {
            throw new ArgumentException(
                $"cannot place {size} instances in {m} classes of {_dataset.Classes} (need 1 ≤ m ≤ min(C, N))");
        }

        return rng.SampleWithoutReplacement(Enumerable.Range(0, _dataset.Classes).ToArray(), m);
    }

    private int[] FromCounts(Dictionary<int, int> counts, DeterministicRandom rng)
    {
        var indices = new List<int>();
        foreach (var (cls, n) in counts.OrderBy(kv => kv.Key))
        {
            if (n > _byClass[cls].Length)
            {
                throw new ArgumentException(
                    $"class {cls} of {_dataset.Name} has {_byClass[cls].Length} images, fewer than the {n} requested");
            }

            indices.AddRange(rng.SampleWithoutReplacement(_byClass[cls], n));
        }

        int[] result = indices.ToArray();
        rng.Shuffle<int>(result);
        return result;
    }
}
