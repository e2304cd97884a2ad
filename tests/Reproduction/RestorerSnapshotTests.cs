using System.Text.Json.Nodes;
using ILrg.Claims.Snapshots;
using ILrg.Reporting;
using ILrg.Testing;
using ILrg.Tests.Reproduction.Claims;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction;

/// <summary>Exact regression snapshots for solver changes: the restored counts of EVERY registered restorer on the
/// golden matrix (FCN-3 / real MNIST and LeNet-5 / CIFAR-100-shaped stand-in, N = 24 and 64, three trials each, seed
/// 0). A change that moves one count of one restorer fails here; <c>ilrg golden diff</c> prints what moved.
/// </summary>
[TestFixture]
public sealed class RestorerSnapshotTests
{
    private static IEnumerable<TestCaseData> Matrix() => RestorerSnapshots.Matrix
        .Select(m => new TestCaseData(m.Name, m.Spec).SetName($"Restorers_{m.Name}_CountsMatchGolden"));

    [TestCaseSource(nameof(Matrix))]
    public void Restorers(string name, ExperimentSpec spec)
    {
        RestorerSnapshot snapshot = RestorerSnapshots.Take(name, spec, ClaimSuiteTests.Open(spec.Dataset));

        var provenance = new JsonObject
        {
            ["config"] = JsonNode.Parse(ResultJson.Serialize(spec)),
            ["methods"] = "all registered restorers (RestorerRegistry)",
            ["seed"] = spec.Seed,
            ["ilrgVersion"] = RunManifest.CurrentLibraries()["ILrg"],
            ["torchSharpVersion"] = RunManifest.CurrentLibraries()["TorchSharp"],
            ["producedBy"] = "tests/Reproduction/RestorerSnapshotTests.cs",
        };
        GoldenFile.Repository().AssertMatches(
            RestorerSnapshots.GoldenName(name), JsonNode.Parse(ResultJson.Serialize(snapshot))!, provenance,
            tolerance: 0);
    }
}
