using ILrg.Data;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Reporting;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Trials;

/// <summary>Sharded <c>run</c> and <c>compare</c>: the shards' trials merge into the unsharded result.</summary>
public sealed class ResultMergeTests
{
    private static readonly SyntheticDataset Data =
        new("tiny", new ImageShape(1, 8, 8), 5, 200, 1, Normalisation.Mnist);

    private static ExperimentSpec Spec() =>
        new(new DatasetRequest("synthetic"), new ModelSpec("fcn", Width: 16), 6, 5, 3);

    [Test]
    public void Experiment_TwoShards_MergeIntoTheUnshardedResult()
    {
        ExperimentResult whole = ExperimentRunner.Run(Spec(), Data);
        var parts = Enumerable.Range(1, 2)
            .Select(i => ($"part{i}", RoundTrip(ExperimentRunner.Run(Spec(), Data, shard: new WorkShard(i, 2)))))
            .ToList();

        ExperimentResult merged = ResultMerge.Experiment(parts);

        Assert.Multiple(() =>
        {
            Assert.That(parts[0].Item2.Trials.Select(t => t.Index), Is.EqualTo(new[] { 0, 2, 4 }));
            Assert.That(
                merged.Trials.Select(t => t.RestoredCounts), Is.EqualTo(whole.Trials.Select(t => t.RestoredCounts)));
            Assert.That(merged.Summary, Is.EqualTo(whole.Summary));
            Assert.That(merged.Manifest.Shard, Is.Null);
        });
    }

    [Test]
    public void Comparison_TwoShards_MergeIntoTheUnshardedSummaries()
    {
        var spec = new ComparisonSpec(Spec(), "ilrg,gi");
        ComparisonResult whole = ComparisonRunner.Run(spec, Data);

        ComparisonResult merged = ResultMerge.Comparison(
            [("p1", ComparisonRunner.Run(spec, Data, shard: new WorkShard(1, 2))),
                ("p2", ComparisonRunner.Run(spec, Data, shard: new WorkShard(2, 2)))]);

        Assert.That(merged.Summaries.Select(s => s.Labels), Is.EqualTo(whole.Summaries.Select(s => s.Labels)));
    }

    [Test]
    public void Experiment_SameShardTwice_IsAnErrorNamingIt()
    {
        ExperimentResult one = ExperimentRunner.Run(Spec(), Data, shard: new WorkShard(1, 2));

        var e = Assert.Throws<InvalidDataException>(() => ResultMerge.Experiment([("a.json", one), ("b.json", one)]));

        Assert.That(e!.Message, Does.Contain("1/2").And.Contain("a.json").And.Contain("b.json"));
    }

    [Test]
    public void Experiment_MissingShard_IsAnError()
    {
        ExperimentResult one = ExperimentRunner.Run(Spec(), Data, shard: new WorkShard(1, 2));

        var e = Assert.Throws<InvalidDataException>(() => ResultMerge.Experiment([("a.json", one)]));

        Assert.That(e!.Message, Does.Contain("2/2").And.Contain("missing"));
    }

    [Test]
    public void Experiment_ShardsOfDifferentSeeds_AreAnError()
    {
        ExperimentResult a = ExperimentRunner.Run(Spec(), Data, shard: new WorkShard(1, 2));
        ExperimentResult b = ExperimentRunner.Run(Spec() with { Seed = 4 }, Data, shard: new WorkShard(2, 2));

        Assert.Throws<InvalidDataException>(() => ResultMerge.Experiment([("a.json", a), ("b.json", b)]));
    }

    [Test]
    public void Run_ShardWithoutTrials_Throws()
    {
        Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(Spec(), Data, shard: new WorkShard(7, 8)));
    }

    private static ExperimentResult RoundTrip(ExperimentResult r)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ilrg-merge-{Guid.NewGuid():N}.json");
        try
        {
            ResultJson.Write(path, r);
            return ShardMerge.Read<ExperimentResult>(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
