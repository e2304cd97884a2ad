using ILrg.Numerics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Numerics;

/// <summary><c>--shard i/n</c>: parsing and the partition of work units.</summary>
public sealed class WorkShardTests
{
    [TestCase("1/1", 1, 1)]
    [TestCase("2/3", 2, 3)]
    [TestCase("16/16", 16, 16)]
    public void Parse_ValidText_GivesIndexAndCount(string text, int index, int count)
    {
        Assert.That(WorkShard.Parse(text), Is.EqualTo(new WorkShard(index, count)));
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("1/0")]
    [TestCase("-1/3")]
    [TestCase("a/b")]
    [TestCase("2")]
    [TestCase("1/2/3")]
    [TestCase("")]
    public void Parse_InvalidText_ThrowsSayingWhatIsValid(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => WorkShard.Parse(text));

        Assert.That(e!.Message, Does.Contain("1 ≤ i ≤ n"));
    }

    [Test]
    public void Takes_ThreeShards_PartitionUnitsRoundRobin()
    {
        int[] Units(int i) => [.. Enumerable.Range(0, 7).Where(u => new WorkShard(i, 3).Takes(u))];
        int[][] taken = [Units(1), Units(2), Units(3)];

        Assert.That(taken, Is.EqualTo(new[] { new[] { 0, 3, 6 }, new[] { 1, 4 }, new[] { 2, 5 } }));
    }
}
