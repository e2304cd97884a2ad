using System.Security.Cryptography;
using System.Text.Json;
using ILrg.Cli;
using ILrg.Restoration.Registry;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// <c>ilrg audit</c> on the updates real PyTorch wrote (tests/fixtures/interop): the untrained FedSGD updates give the
/// true counts in every format, the final layer is found and named, and the JSON report has the fields scripts rely on.
/// </summary>
public sealed class AuditCommandTests
{
    private static readonly string[] ReportFields =
    [
        "finalLayer", "batchSize", "classes", "verdict", "strong", "methods", "system", "update", "approximations",
        "inputs", "skipped", "manifest",
    ];

    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-audit-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [TestCase("fcn", "model.pt", "fedsgd-grads.pt", null)]
    [TestCase("fcn", "model.npz", "fedsgd-grads.npz", null)]
    [TestCase("fcn", "model.safetensors", "fedsgd-grads.safetensors", "fc")]
    [TestCase("cnn", "model.pt", "fedsgd-grads.pt", null)]
    [TestCase("cnn", "model.npz", "fedsgd-grads.npz", null)]
    public void Run_UntrainedFedSgdFixture_RestoresTheTrueCountsWithAStrongVerdict(
        string model, string state, string grads, string? finalLayer)
    {
        string[] extra = finalLayer is null ? [] : ["--final-layer", finalLayer];

        JsonElement report = Audit(
            ["--model-state", InteropFixtures.Interop(model, state),
             "--gradients", InteropFixtures.Interop(model, grads), "--batch-size", "24", .. extra]);

        Assert.Multiple(() =>
        {
            Assert.That(Counts(report.GetProperty("methods")[0]), Is.EqualTo(InteropFixtures.TrueCounts(model)));
            Assert.That(report.GetProperty("methods")[0].GetProperty("method").GetString(), Is.EqualTo("ilrg"));
            Assert.That(report.GetProperty("finalLayer").GetProperty("name").GetString(),
                Is.EqualTo(InteropFixtures.Meta(model).GetProperty("final_layer").GetString()));
            Assert.That(report.GetProperty("verdict").GetString(), Does.StartWith("labels recoverable: 10 classes"));
            Assert.That(report.GetProperty("strong").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void Run_CnnWithoutFinalLayerOption_FindsHead4AndSaysWhy()
    {
        JsonElement layer = Audit(Cnn()).GetProperty("finalLayer");

        Assert.Multiple(() =>
        {
            Assert.That(layer.GetProperty("name").GetString(), Is.EqualTo("head.4"));
            Assert.That(layer.GetProperty("wasGiven").GetBoolean(), Is.False);
            Assert.That(layer.GetProperty("reason").GetString(), Does.Contain("head.4.weight").And.Contain("head.1"));
        });
    }

    [Test]
    public void Run_Report_HasTheFieldsScriptsRelyOnAndTheInputsChecksums()
    {
        JsonElement report = Audit(Cnn());

        Assert.Multiple(() =>
        {
            foreach (string field in ReportFields)
            {
                Assert.That(report.TryGetProperty(field, out _), Is.True, $"report lacks {field}");
            }

            foreach (JsonElement method in report.GetProperty("methods").EnumerateArray())
            {
                foreach (string field in new[] { "method", "counts", "solution", "certificate" })
                {
                    Assert.That(method.TryGetProperty(field, out _), Is.True, $"a method lacks {field}");
                }
            }

            Assert.That(report.GetProperty("batchSize").GetInt32(), Is.EqualTo(24));
            Assert.That(report.GetProperty("classes").GetInt32(), Is.EqualTo(10));
            JsonElement inputs = report.GetProperty("inputs");
            Assert.That(inputs.GetArrayLength(), Is.EqualTo(2));
            Assert.That(inputs[1].GetProperty("sha256").GetString(),
                Is.EqualTo(Sha256(InteropFixtures.Interop("cnn", "fedsgd-grads.pt"))));
            Assert.That(report.GetProperty("approximations").GetArrayLength(), Is.Zero, "FedSGD is exact");
            Assert.That(report.GetProperty("manifest").GetProperty("tool").GetString(), Is.EqualTo("ilrg audit"));
        });
    }

    [Test]
    public void Run_FedAvgWeightsAfter_RestoresTheCountsAndReportsTheApproximation()
    {
        JsonElement report = Audit(
            ["--model-state", InteropFixtures.Interop("cnn", "model.pt"),
             "--after", InteropFixtures.Interop("cnn", "fedavg-after.pt"), "--local-lr", "0.05", "--local-batch", "8",
             "--batch-size", "24"]);

        Assert.Multiple(() =>
        {
            Assert.That(Counts(report.GetProperty("methods")[0]), Is.EqualTo(InteropFixtures.TrueCounts("cnn")));
            Assert.That(report.GetProperty("update").GetProperty("approximated").GetBoolean(), Is.True);
            Assert.That(report.GetProperty("update").GetProperty("localSteps").GetInt32(), Is.EqualTo(3));
            Assert.That(report.GetProperty("approximations")[0].GetString(), Does.Contain("approximat"));
            Assert.That(Names(report, "skipped"), Does.Contain("ilrg-fedavg"),
                "the FedAvg-aware variants would rescale the approximation a second time");
        });
    }

    [Test]
    public void Run_BatchSizeRange_NamesTheTrueBatchSize()
    {
        JsonElement report = Audit(
            ["--model-state", InteropFixtures.Interop("fcn", "model.pt"),
             "--gradients", InteropFixtures.Interop("fcn", "fedsgd-grads.pt"), "--batch-size", "16..40"]);

        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("batchSize").GetInt32(), Is.EqualTo(24));
            Assert.That(report.GetProperty("batchSizeScan").GetProperty("mostConsistent").GetInt32(), Is.EqualTo(24));
            Assert.That(report.GetProperty("batchSizeScan").GetProperty("candidates").GetArrayLength(), Is.EqualTo(25));
            Assert.That(Counts(report.GetProperty("methods")[0]), Is.EqualTo(InteropFixtures.TrueCounts("fcn")));
        });
    }

    [Test]
    public void Run_WithArchitecture_RunsTheModelMethodsAndGivesTheSameCountsTwice()
    {
        string[] args =
        [
            "--model-state", InteropFixtures.Interop("fcn", "model.pt"),
            "--gradients", InteropFixtures.Interop("fcn", "fedsgd-grads.pt"), "--batch-size", "24", "--arch", "fcn",
            "--seed", "5",
        ];

        JsonElement first = Audit(args);
        JsonElement second = Audit(args);

        string[] names = Names(first, "methods");
        string[] skipped = Names(first, "skipped");
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("zero-shot").And.Contain("llg*-dummy").And.Contain("gi"));
            Assert.That(skipped, Is.EquivalentTo(RestorerRegistry.All
                    .Where(d => d.Bound == RestorerBound.None && d.Inputs.HasFlag(RestorerInputs.AuxiliaryData))
                    .Select(d => d.Name)),
                "exactly the attacks that need auxiliary images are skipped: they need --aux-data");
            Assert.That(first.GetProperty("architecture").GetString(), Is.EqualTo("fcn"));
            Assert.That(second.GetProperty("methods").EnumerateArray().Select(Counts),
                Is.EqualTo(first.GetProperty("methods").EnumerateArray().Select(Counts)));
        });
    }

    [Test]
    public void Run_WithAuxiliaryImages_RunsEveryAttackAndRecordsTheirChecksum()
    {
        string aux = InteropFixtures.IgParity("a", "images.npy");

        JsonElement report = Audit(
            ["--model-state", InteropFixtures.Interop("fcn", "model.pt"),
             "--gradients", InteropFixtures.Interop("fcn", "fedsgd-grads.pt"), "--batch-size", "24", "--arch", "fcn",
             "--aux-data", aux]);

        string[] names = Names(report, "methods");
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("llg+").And.Contain("llg*"));
            Assert.That(Names(report, "skipped"), Is.EquivalentTo(new[] { "rlu" }),
                "only RLU stays out: it needs auxiliary images of every class, and an .npy of inputs has no labels");
            Assert.That(report.GetProperty("skipped")[0].GetProperty("reason").GetString(), Does.Contain("classes"));
            Assert.That(report.GetProperty("inputs")[2].GetProperty("sha256").GetString(), Is.EqualTo(Sha256(aux)));
        });
    }

    private string[] Cnn() =>
    [
        "--model-state", InteropFixtures.Interop("cnn", "model.pt"),
        "--gradients", InteropFixtures.Interop("cnn", "fedsgd-grads.pt"), "--batch-size", "24",
    ];

    private JsonElement Audit(string[] args)
    {
        string report = Path.Combine(_dir, $"audit-{Guid.NewGuid():N}.json");
        using var error = new StringWriter();

        int code = CommandLine.Run(["audit", .. args, "--report", report], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        return doc.RootElement.Clone();
    }

    private static string[] Names(JsonElement report, string list) =>
        [.. report.GetProperty(list).EnumerateArray().Select(m => m.GetProperty("method").GetString()!)];

    private static int[] Counts(JsonElement method) =>
        [.. method.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32())];

    private static string Sha256(string path)
    {
        using FileStream file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
