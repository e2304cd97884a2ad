using FsCheck;
using FsCheck.Fluent;
using ILrg.Metrics;

namespace ILrg.Tests.Property;

/// <summary>LeAcc, LnAcc and IRec lie in [0, 1] and are all 1 exactly when the counts are right (SPEC §4).</summary>
[NUnit.Framework.TestFixture]
public sealed class MetricProperties
{
    private static Gen<(int[] Truth, int[] Restored)> Pairs() =>
        from c in Gen.Choose(1, 30)
        from n in Gen.Choose(1, 60)
        from truth in Generators.Counts(c, n)
        from restored in Gen.Frequency(
            (1, Gen.Constant(truth)),
            (3, Gen.ArrayOf(Gen.Choose(0, 8), c)))
        select (truth, restored);

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Score_AnyCounts_LieInUnitIntervalAndAreOneExactlyWhenRight() =>
        Prop.ForAll(Pairs().ToArbitrary(), p =>
        {
            TrialLabelScores s = LabelMetrics.Score(p.Truth, p.Restored);
            bool right = p.Truth.SequenceEqual(p.Restored);
            bool inRange = new[] { s.LeAcc, s.LnAcc, s.IRec, s.PresentLnAcc }.All(v => v is >= 0 and <= 1);
            bool allOne = s.LeAcc == 1 && s.LnAcc == 1 && s.IRec == 1;
            return inRange.Label("all in [0, 1]")
                .And((s.LnAcc == 1 == right).Label("LnAcc = 1 iff counts right"))
                .And((!right || allOne).Label("right counts give 1, 1, 1"))
                .And((s.ExactBatch == right).Label("exact batch iff counts right"));
        });
}
