using FsCheck;
using FsCheck.Fluent;
using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Restoration.Plus;
using ILrg.Testing;

namespace ILrg.Tests.Property;

/// <summary>
/// Laws of iLRG+ (issue 12): exact when every sample of a class shares an embedding (and some class is absent, the
/// case in which the counts are identifiable at all); never a worse fit of the final class probabilities than iLRG's
/// starting counts; deterministic.
/// </summary>
[NUnit.Framework.TestFixture]
public sealed class ILrgPlusProperties
{
    /// <summary>A batch: per-class counts (some zero), an embedding size and a seed for W, b and the
    /// embeddings.</summary>
    public sealed record ClassCase(int[] Counts, int EmbeddingSize, ulong Seed)
    {
        public override string ToString() => $"counts=[{string.Join(",", Counts)}], d={EmbeddingSize}, seed={Seed}";
    }

    /// <summary>C in [3, 12], between 1 and C − 1 classes present with 1–8 samples each, d in [1, 40].</summary>
    private static Gen<ClassCase> Cases() =>
        from c in Gen.Choose(3, 12)
        from presentMask in Gen.ArrayOf(Gen.Elements(true, false), c)
        from sizes in Gen.ArrayOf(Gen.Choose(1, 8), c)
        from d in Gen.Choose(1, 40)
        from seed in Generators.Seed()
        select new ClassCase(Counts(presentMask, sizes), d, seed);

    private static int[] Counts(bool[] present, int[] sizes)
    {
        var counts = present.Select((p, i) => p ? sizes[i] : 0).ToArray();
        if (counts.All(k => k == 0))
        {
            counts[0] = sizes[0];
        }

        if (counts.All(k => k > 0))
        {
            counts[^1] = 0;
        }

        return counts;
    }

    /// <summary>Every sample of class j has the non-negative embedding h_j; small random W and b.</summary>
    internal static LastLayerObservation ClassShared(ClassCase x, double noise = 0)
    {
        var rng = new DeterministicRandom(x.Seed);
        int c = x.Counts.Length, d = x.EmbeddingSize;
        double[] weight = ObservationBuilder.Uniform(rng, c * d, 0.1);
        double[] bias = ObservationBuilder.Uniform(rng, c, 0.1);
        double[][] classEmbedding = Enumerable.Range(0, c)
            .Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        int[] labels = x.Counts.SelectMany((k, j) => Enumerable.Repeat(j, k)).ToArray();
        double[][] embeddings = labels
            .Select(j => classEmbedding[j].Select(v => Math.Max(0, v + noise * (2 * rng.NextDouble() - 1))).ToArray())
            .ToArray();
        return ObservationBuilder.FromSamples(weight, bias, c, d, embeddings, labels);
    }

    [FsCheck.NUnit.Property(MaxTest = 150)]
    public FsCheck.Property Restore_EverySampleOfAClassSharesAnEmbedding_RecoversTrueCounts() =>
        Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            ILrgPlusTrace t = new ILrgPlusRestorer().Trace(ClassShared(x));
            return t.Restoration.Counts.SequenceEqual(x.Counts)
                .Label($"counts [{string.Join(",", t.Restoration.Counts)}] by stage {t.Stage}")
                .And(t.Restoration.CorrectedCounts.SequenceEqual(x.Counts).Label("corrected counts = truth"));
        });

    [FsCheck.NUnit.Property(MaxTest = 150)]
    public FsCheck.Property Restore_AnyBatch_FitsTheFinalProbabilitiesAtLeastAsWellAsTheStart() =>
        Prop.ForAll(Cases().ToArbitrary(), Gen.Elements(0.0, 0.3, 1.0).ToArbitrary(), (x, noise) =>
        {
            ILrgPlusTrace t = new ILrgPlusRestorer().Trace(ClassShared(x, noise));
            bool rays = t.Stage == ILrgPlusStage.Rays;
            return (rays || t.FinalResidual <= t.StartResidual)
                .Label($"stage {t.Stage}: final residual {t.FinalResidual:E3} vs start {t.StartResidual:E3}");
        });

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public FsCheck.Property Restore_SameObservationTwice_GivesIdenticalResults() =>
        Prop.ForAll(Cases().ToArbitrary(), Gen.Elements(0.0, 0.5).ToArbitrary(), (x, noise) =>
        {
            LastLayerObservation obs = ClassShared(x, noise);
            LabelRestoration first = new ILrgPlusRestorer().Restore(obs);
            LabelRestoration second = new ILrgPlusRestorer().Restore(obs);
            return first.Counts.SequenceEqual(second.Counts).Label("counts")
                .And(first.Diagnostics!.Solution.SequenceEqual(second.Diagnostics!.Solution).Label("solution bits"));
        });
}
