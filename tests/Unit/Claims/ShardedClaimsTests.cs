using System.Text.Json.Nodes;
using ILrg.Claims;
using ILrg.Cli;
using ILrg.Cli.Commands;
using ILrg.Data;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Training;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Claims;

/// <summary>
/// <c>reproduce --shard i/n</c> and <c>merge</c>: three shards merged give exactly the counts, figures and verdicts of
/// the unsharded run; overlapping, missing or mismatched shards are clear errors. Tiny claims on a synthetic stand-in,
/// one with per-trial units and one with whole-run units (training).
/// </summary>
public sealed class ShardedClaimsTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-shards-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static IReadOnlyList<IClaim> Claims(ulong seed = 3)
    {
        var data = new DatasetRequest("synthetic", Classes: 4, Shape: new ImageShape(1, 8, 8));
        var fcn = new ModelSpec("fcn", Width: 16);
        return
        [
            new PaperClaim(
                "tiny-fcn", "FCN on a tiny stand-in", "quick", new ExperimentSpec(data, fcn, 6, 4, seed), 3,
                [ClaimCheck.Figure("ilrg", "leAcc", 1.0), ClaimCheck.Figure("gi", "leAcc", 0.9, CheckSide.TwoSided)],
                0.01),
            new TrainedClaim(
                "tiny-trained", "FCN trained 4 steps", "full", data, data, fcn,
                new TrainingOptions(4, BatchSize: 8, CheckpointEvery: 2, Seed: seed), [("it4", 4)], 6, 2, 3,
                [ClaimCheck.Figure("ilrg@it4", "lnAcc", 0.5, CheckSide.TwoSided)], 1),
        ];
    }

    private string Run(WorkShard? shard, IReadOnlyList<IClaim>? claims = null, string name = "whole")
    {
        string path = Path.Combine(_dir, name + ".json");
        int code = ReproduceCommand.Execute(
            new ReproduceCommand.Request(claims ?? Claims(), "tiny", 3, new FileInfo(path), shard), TextWriter.Null,
            TextWriter.Null);
        Assert.That(code, Is.AnyOf(ExitCodes.Ok, ExitCodes.CheckFailed));
        return path;
    }

    [Test]
    public void Merge_ThreeShards_GivesTheUnshardedCountsFiguresAndVerdicts()
    {
        string whole = Run(null);
        string[] shards = [.. Enumerable.Range(1, 3).Select(i => Run(new WorkShard(i, 3), name: $"shard{i}"))];
        string merged = Path.Combine(_dir, "merged.json");

        int code = MergeCommand.Execute(
            [.. shards.Reverse().Select(s => new FileInfo(s))], new FileInfo(merged), TextWriter.Null);

        JsonNode a = WithoutTimes(whole), b = WithoutTimes(merged);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.AnyOf(ExitCodes.Ok, ExitCodes.CheckFailed));
            Assert.That(b["records"]!.AsArray(), Has.Count.EqualTo(3 * 4 + 2 * 3));
            Assert.That(b["records"]!.ToJsonString(), Is.EqualTo(a["records"]!.ToJsonString()), "counts and figures");
            Assert.That(b["claims"]!.ToJsonString(), Is.EqualTo(a["claims"]!.ToJsonString()), "verdicts and spreads");
            Assert.That(b["passed"]!.ToJsonString(), Is.EqualTo(a["passed"]!.ToJsonString()));
            Assert.That(b["manifest"]!["shard"], Is.Null);
        });
    }

    [Test]
    public void Merge_SameShardTwice_IsAnError()
    {
        string one = Run(new WorkShard(1, 2), name: "one");
        string two = Run(new WorkShard(2, 2), name: "two");

        var e = Assert.Throws<InvalidDataException>(() =>
            MergeCommand.Execute([new FileInfo(one), new FileInfo(one), new FileInfo(two)], null, TextWriter.Null));

        Assert.That(e!.Message, Does.Contain("more than once"));
    }

    [Test]
    public void Merge_ShardsOfDifferentSeeds_AreAnError()
    {
        string one = Run(new WorkShard(1, 2), name: "one");
        string other = Run(new WorkShard(2, 2), Claims(seed: 4), name: "other");

        var e = Assert.Throws<InvalidDataException>(() =>
            MergeCommand.Execute([new FileInfo(one), new FileInfo(other)], null, TextWriter.Null));

        Assert.That(e!.Message, Does.Contain("not shards of one run").Or.Contain("different claims"));
    }

    [Test]
    public void Merge_MissingShard_NamesIt()
    {
        string one = Run(new WorkShard(1, 3), name: "one");
        string three = Run(new WorkShard(3, 3), name: "three");

        var e = Assert.Throws<InvalidDataException>(() =>
            MergeCommand.Execute([new FileInfo(one), new FileInfo(three)], null, TextWriter.Null));

        Assert.That(e!.Message, Does.Contain("2/3").And.Contain("missing"));
    }

    [Test]
    public void Merge_AWholeRunsReport_IsNotAShard()
    {
        string whole = Run(null);

        var e = Assert.Throws<InvalidDataException>(
            () => MergeCommand.Execute([new FileInfo(whole)], null, TextWriter.Null));

        Assert.That(e!.Message, Does.Contain("not a shard"));
    }

    private static JsonNode WithoutTimes(string path)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (JsonNode? r in node["records"]!.AsArray())
        {
            r!.AsObject().Remove("seconds");
        }

        foreach (JsonNode? c in node["claims"]?.AsArray() ?? [])
        {
            c!.AsObject().Remove("seconds");
        }

        return node;
    }
}
