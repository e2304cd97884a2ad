using FsCheck;
using FsCheck.Fluent;
using ILrg.Claims;
using ILrg.Metrics;
using ILrg.Numerics;

namespace ILrg.Tests.Property;

/// <summary>Laws of sharding (every unit in exactly one shard, shard sizes add up) and of the run-mean
/// interval.</summary>
[NUnit.Framework.TestFixture]
public sealed class ShardProperties
{
    private static Gen<(int N, int[] Units)> ShardCounts() =>
        from n in Gen.Choose(1, 16)
        from k in Gen.Choose(1, 6)
        from units in Gen.ArrayOf(Gen.Choose(0, 40), k)
        select (n, units);

    private static Gen<(int N, int Unit)> ShardAndUnit() =>
        from n in Gen.Choose(1, 32)
        from unit in Gen.Choose(0, 10_000)
        select (n, unit);

    private static Gen<double[]> RunMeans() =>
        from k in Gen.Choose(2, 60)
        from means in Gen.ArrayOf(Gen.Choose(0, 1000).Select(v => v / 1000.0), k)
        select means;

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public FsCheck.Property Takes_AnyUnit_BelongsToExactlyOneShard() =>
        Prop.ForAll(ShardAndUnit().ToArbitrary(), p =>
            Enumerable.Range(1, p.N).Count(i => new WorkShard(i, p.N).Takes(p.Unit)) == 1);

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public FsCheck.Property UnitsOf_EveryShard_AddsUpToTheClaimsUnitsAndCountsWhatItTakes() =>
        Prop.ForAll(ShardCounts().ToArbitrary(), p =>
        {
            IClaim[] claims = [.. p.Units.Select((u, i) => (IClaim)new Units($"c{i}", u))];
            long total = p.Units.Sum();
            long[] perShard =
                [.. Enumerable.Range(1, p.N).Select(i => ClaimRunner.UnitsOf(claims, new WorkShard(i, p.N)))];
            bool counted = Enumerable.Range(1, p.N).All(i =>
                perShard[i - 1] == Enumerable.Range(0, (int)total).LongCount(u => new WorkShard(i, p.N).Takes(u)));
            return (perShard.Sum() == total).Label("shards add up to the total")
                .And(counted.Label("each shard's count is what it takes"));
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Of_AnyRuns_IntervalHoldsTheMeanAndStaysInTheRange() =>
        Prop.ForAll(RunMeans().ToArbitrary(), runs =>
        {
            RunSpread s = RunSpread.Of(runs, 10);
            return (s.Prediction.Low <= s.Mean + 1e-12 && s.Mean <= s.Prediction.High + 1e-12).Label("holds the mean")
                .And((s.Prediction.Low >= 0 && s.Prediction.High <= 1).Label("within [0, 1]"))
                .And((s.Method == (runs.Length >= 39 ? "order statistic" : "t")).Label("method by K"));
        });

    /// <summary>A claim that is only a number of units (for the counting laws).</summary>
    private sealed class Units(string id, int units) : IClaim
    {
        public ClaimPlan Plan { get; } = new(id, id, "quick", "synthetic", true, 2, 2, 0, units, 1, false, [], 0);

        public IReadOnlyList<TrialRecord> Measure(int unit, ClaimContext context) => throw new NotSupportedException();
    }
}
