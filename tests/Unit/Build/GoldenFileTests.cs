using System.Text.Json.Nodes;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Build;

/// <summary>The golden-snapshot helper itself (DESIGN.md: keep it small and tested).</summary>
[NonParallelizable]
public sealed class GoldenFileTests
{
    private string _dir = null!;
    private GoldenFile _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _dir = Directory.CreateTempSubdirectory("ilrg-golden-").FullName;
        _store = new GoldenFile(_dir);
    }

    [TearDown]
    public void RemoveStore() => Directory.Delete(_dir, recursive: true);

    private static JsonObject Provenance() => new() { ["seed"] = 1 };

    private void Accept(string name, JsonNode data)
    {
        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, "1");
        try
        {
            _store.AssertMatches(name, data, Provenance());
        }
        finally
        {
            Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, null);
        }
    }

    [Test]
    public void AssertMatches_SameData_Passes()
    {
        Accept("g", new JsonArray(1, 2, 3));

        Assert.That(() => _store.AssertMatches("g", new JsonArray(1, 2, 3), Provenance()), Throws.Nothing);
    }

    [Test]
    public void AssertMatches_ChangedNumber_FailsWithPathAndWritesReceived()
    {
        Accept("g", new JsonObject { ["counts"] = new JsonArray(1, 2, 3) });

        var ex = Assert.Throws<AssertionException>(() =>
            _store.AssertMatches("g", new JsonObject { ["counts"] = new JsonArray(1, 5, 3) }, Provenance()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("$.counts[1]: golden 2, received 5"));
            Assert.That(File.Exists(Path.Combine(_dir, "g.received.json")), Is.True);
            Assert.That(File.ReadAllText(Path.Combine(_dir, "g.json")), Does.Contain("2"), "golden untouched");
        });
    }

    [Test]
    public void AssertMatches_MissingGolden_FailsAndDoesNotCreateIt()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => _store.AssertMatches("new", new JsonArray(1), Provenance()),
                Throws.TypeOf<AssertionException>());
            Assert.That(File.Exists(Path.Combine(_dir, "new.json")), Is.False);
            Assert.That(File.Exists(Path.Combine(_dir, "new.received.json")), Is.True);
        });
    }

    [Test]
    public void AssertMatches_WithinTolerance_Passes()
    {
        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, "1");
        _store.AssertMatches("t", new JsonArray(1.0), Provenance(), tolerance: 0.01);
        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, null);

        Assert.Multiple(() =>
        {
            Assert.That(() => _store.AssertMatches("t", new JsonArray(1.005), Provenance(), 0.01), Throws.Nothing);
            Assert.That(() => _store.AssertMatches("t", new JsonArray(1.02), Provenance(), 0.01),
                Throws.TypeOf<AssertionException>());
        });
    }

    [Test]
    public void Diff_ArrayLengthAndMissingKey_AreReported()
    {
        var diffs = new List<string>();

        GoldenFile.Diff("$", JsonNode.Parse("{\"a\":[1,2],\"b\":1}"), JsonNode.Parse("{\"a\":[1]}"), 0, diffs);

        Assert.That(diffs,
            Is.EquivalentTo(new[] { "$.a: golden has 2 items, received 1", "$.b: missing in received" }));
    }
}
