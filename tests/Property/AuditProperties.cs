using FsCheck;
using FsCheck.Fluent;
using ILrg.Audit;
using ILrg.Restoration;
using ILrg.Testing;

namespace ILrg.Tests.Property;

/// <summary>Laws of the label audit on observations whose truth is known by construction.</summary>
[NUnit.Framework.TestFixture]
public sealed class AuditProperties
{
    private static readonly LabelAuditOptions IlrgOnly = new(Methods: ["ilrg"]);

    /// <summary>One batch whose samples share one embedding (SPEC.md §2 exactness (b)).</summary>
    public sealed record Case(int[] Counts, int EmbeddingSize, ulong Seed)
    {
        public LastLayerObservation Observation() => ObservationBuilder.SharedEmbedding(Counts, EmbeddingSize, Seed);

        public override string ToString() => $"counts=[{string.Join(",", Counts)}], d={EmbeddingSize}, seed={Seed}";
    }

    private static Gen<Case> Cases() =>
        from c in Gen.Choose(2, 20)
        from n in Gen.Choose(1, 64)
        from counts in Generators.Counts(c, n)
        from d in Gen.Choose(2, 10)
        from seed in Generators.Seed()
        select new Case(counts, d, seed);

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public FsCheck.Property Run_ExactObservation_IsStrongAndRight() =>
        Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            LabelAuditResult r = LabelAudit.Run(x.Observation(), IlrgOnly);
            return r.Counts.SequenceEqual(x.Counts).Label($"true counts (got [{string.Join(",", r.Counts)}])")
                .And(r.Strong.Label($"strong ({r.Verdict})"));
        });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public FsCheck.Property Run_ClassesRelabelled_RelabelsCountsAndKeepsTheVerdict() =>
        Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            LastLayerObservation o = x.Observation();
            int c = o.Classes, d = o.EmbeddingSize;
            int[] order = Enumerable.Range(0, c).Reverse().ToArray(); // new class i is old class order[i]
            double[] Rows(ReadOnlySpan<double> m, int width)
            {
                double[] source = m.ToArray();
                return order.SelectMany(i => source.Skip(i * width).Take(width)).ToArray();
            }

            var relabelled = new LastLayerObservation(
                Rows(o.Weight, d), Rows(o.Bias, 1), Rows(o.WeightGradient, d), Rows(o.BiasGradient, 1), c, d,
                o.BatchSize);
            LabelAuditResult before = LabelAudit.Run(o, IlrgOnly);
            LabelAuditResult after = LabelAudit.Run(relabelled, IlrgOnly);
            int[] expected = order.Select(i => before.Counts[i]).ToArray();
            return after.Counts.SequenceEqual(expected).Label("counts follow the classes")
                .And((after.Strong == before.Strong).Label($"same verdict ({before.Verdict} / {after.Verdict})"));
        });
}
