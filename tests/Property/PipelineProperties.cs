using FsCheck;
using FsCheck.Fluent;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Testing;
using static TorchSharp.torch;

namespace ILrg.Tests.Property;

/// <summary>Properties of the whole iLRG pipeline (SPEC §2 "Exactness" (b), symmetries).</summary>
[NUnit.Framework.TestFixture]
public sealed class PipelineProperties
{
    /// <summary>A batch described by its counts plus a seed for W, b and the embeddings.</summary>
    public sealed record BatchCase(int[] Counts, int EmbeddingSize, ulong Seed)
    {
        public int N => Counts.Sum();

        public override string ToString() => $"counts=[{string.Join(",", Counts)}], d={EmbeddingSize}, seed={Seed}";
    }

    private static Gen<BatchCase> Batches(int maxClasses, int maxN) =>
        from c in Gen.Choose(2, maxClasses)
        from n in Gen.Choose(1, maxN)
        from counts in Generators.Counts(c, n)
        from d in Gen.Choose(1, 24)
        from seed in Generators.Seed()
        select new BatchCase(counts, d, seed);

    [FsCheck.NUnit.Property(MaxTest = 150)]
    public FsCheck.Property Restore_SharedEmbedding_RecoversTrueCounts() =>
        Prop.ForAll(Batches(40, 128).ToArbitrary(), x =>
        {
            LabelRestoration r = new ILrgRestorer().Restore(ObservationBuilder.SharedEmbedding(x.Counts,
                x.EmbeddingSize, x.Seed));
            return r.Counts.SequenceEqual(x.Counts).Label($"res = [{string.Join(",", r.Counts)}]")
                .And(r.CorrectedCounts.SequenceEqual(x.Counts).Label("mod_res = truth"));
        });

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public FsCheck.Property Restore_ClassesPermuted_ResultPermutedTheSameWay() =>
        Prop.ForAll(Batches(20, 48).ToArbitrary(), x =>
        {
            LastLayerObservation obs = DistinctEmbeddings(x);
            int c = obs.Classes, d = obs.EmbeddingSize;
            int[] perm = Enumerable.Range(0, c).ToArray();
            new DeterministicRandom(x.Seed ^ 0x5EED).Shuffle<int>(perm); // new class i is old class perm[i]
            LastLayerObservation permuted = new(
                PermuteRows(obs.Weight, perm, d), PermuteRows(obs.Bias, perm, 1),
                PermuteRows(obs.WeightGradient, perm, d), PermuteRows(obs.BiasGradient, perm, 1), c, d, obs.BatchSize);

            var original = new ILrgRestorer().Restore(obs).Counts;
            var moved = new ILrgRestorer().Restore(permuted).Counts;

            int[] expected = perm.Select(old => original[old]).ToArray();
            return moved.SequenceEqual(expected).Label($"permuted result [{string.Join(",", moved)}] vs " +
                                                       $"[{string.Join(",", expected)}]");
        });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public FsCheck.Property Restore_BatchOrderPermuted_SameCounts() =>
        Prop.ForAll(Generators.Seed().ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (seed, n) =>
        {
            Batch batch = new BatchSampler(SmallData).Sample(n, BatchDistribution.Random, seed);
            int[] order = Enumerable.Range(0, n).ToArray();
            new DeterministicRandom(seed + 1).Shuffle<int>(order);
            var shuffled = new Batch(SmallData, order.Select(i => batch.Indices[i]).ToArray(),
                order.Select(i => batch.Labels[i]).ToArray());

            using var generator = new Generator(seed);
            using Classifier model = new Fcn(SmallData.Shape.Size, SmallData.Classes, 1, 32, Activation.Relu,
                generator);
            var a = new ILrgRestorer().Restore(AttackerView.Observe(model,
                Client.LastLayerClosedForm(model, batch))).Counts;
            var b = new ILrgRestorer().Restore(AttackerView.Observe(model,
                Client.LastLayerClosedForm(model, shuffled))).Counts;
            return a.SequenceEqual(b).Label($"[{string.Join(",", a)}] vs [{string.Join(",", b)}]");
        });

    private static readonly SyntheticDataset SmallData = new("property", new ImageShape(1, 6, 6), 10, 400, 77,
        Normalisation.Mnist);

    /// <summary>Every sample its own non-negative embedding (a realistic, inexact case for the symmetry
    /// checks).</summary>
    private static LastLayerObservation DistinctEmbeddings(BatchCase x)
    {
        var rng = new DeterministicRandom(x.Seed);
        int c = x.Counts.Length, d = x.EmbeddingSize;
        double[] w = ObservationBuilder.Uniform(rng, c * d, 0.3);
        double[] b = ObservationBuilder.Uniform(rng, c, 0.3);
        int[] labels = x.Counts.SelectMany((k, cls) => Enumerable.Repeat(cls, k)).ToArray();
        double[][] h = labels.Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        return ObservationBuilder.FromSamples(w, b, c, d, h, labels);
    }

    private static double[] PermuteRows(ReadOnlySpan<double> values, int[] perm, int width)
    {
        var result = new double[values.Length];
        for (int i = 0; i < perm.Length; i++)
        {
            values.Slice(perm[i] * width, width).CopyTo(result.AsSpan(i * width, width));
        }

        return result;
    }
}
