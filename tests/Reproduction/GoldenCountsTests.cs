using System.Text.Json.Nodes;
using ILrg.Data;
using ILrg.Models;
using ILrg.Reporting;
using ILrg.Testing;
using ILrg.Tests.Reproduction.Claims;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction;

/// <summary>Exact regression snapshot: the true and restored counts of every trial of the fixed-seed FCN-3 / real
/// MNIST, N=24 run (a fresh model per trial, ILrg's default protocol). Any solver, sampling or model-initialisation
/// change that moves a single count fails here.
/// </summary>
[TestFixture]
public sealed class GoldenCountsTests
{
    [Test]
    public void Fcn3Mnist_FixedSeed_CountsMatchGolden()
    {
        var spec = new ExperimentSpec(new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), 24, 50, 0);
        ExperimentResult result = ExperimentRunner.Run(spec, ClaimSuiteTests.Open(spec.Dataset));

        var data = new JsonArray(result.Trials.Select(t => (JsonNode)new JsonObject
        {
            ["trial"] = t.Index,
            ["trueCounts"] = new JsonArray(t.TrueCounts.Select(v => (JsonNode)v).ToArray()),
            ["restoredCounts"] = new JsonArray(t.RestoredCounts.Select(v => (JsonNode)v).ToArray()),
        }).ToArray());
        var provenance = new JsonObject
        {
            ["config"] = JsonNode.Parse(ResultJson.Serialize(spec)),
            ["seed"] = spec.Seed,
            ["ilrgVersion"] = result.Manifest.Version,
            ["torchSharpVersion"] = result.Manifest.Libraries["TorchSharp"],
            ["producedBy"] = "tests/Reproduction/GoldenCountsTests.cs",
        };

        GoldenFile.Repository().AssertMatches("fcn3-mnist-n24-seed0-counts", data, provenance, tolerance: 0);
    }
}
