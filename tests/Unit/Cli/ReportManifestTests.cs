using System.Text.Json;
using ILrg.Cli;
using ILrg.Performance;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>Every verb's <c>--report</c> carries the same run manifest (issue 8): tool, version, commit, seed, the full
/// configuration, the data sets with their synthetic flag, library versions and timings.</summary>
public sealed class ReportManifestTests
{
    private static readonly string[] ManifestFields =
        ["tool", "version", "gitCommit", "seed", "configuration", "datasets", "libraries", "runtime", "startedUtc",
            "wallSeconds"];

    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-manifest-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<TestCaseData> Verbs()
    {
        string[] tiny = ["--dataset", "synthetic", "--classes", "4", "--image-shape", "1x8x8", "--model", "fcn",
            "--width", "8"];
        yield return new TestCaseData("run",
            (string[])["run", .. tiny, "--batch-size", "4", "--trials", "2", "--seed", "7"]);
        yield return new TestCaseData(
            "compare",
            (string[])["compare", .. tiny, "--batch-size", "4", "--trials", "2", "--seed", "7", "--methods",
                "ilrg,gi"]);
        yield return new TestCaseData(
            "invert",
            (string[])["invert", .. tiny, "--batch-size", "2", "--seed", "7", "--iterations", "2", "--restarts", "1",
                "--out", "{dir}/pictures"]);
        yield return new TestCaseData(
            "train", (string[])["train", .. tiny, "--seed", "7", "--iterations", "2", "--train-batch-size", "4",
                "--checkpoint-every", "1", "--out", "{dir}/checkpoints", "--attack-batch-size", "4", "--attack-trials",
                "1"]);
        yield return new TestCaseData(
            "reproduce", (string[])["reproduce", "--suite", "quick", "--only", "fcn3-mnist-n8", "--seed", "7"]);
        yield return new TestCaseData(
            "sweep", (string[])["sweep", "--kind", "depth", "--runs", "2", "--trials", "1", "--seed", "7"]);
        yield return new TestCaseData(
            "curves", (string[])["curves", "--kind", "depth", "--trials", "1", "--seed", "7"]);
        yield return new TestCaseData(
            "bench", (string[])["bench", "--rows", "lenet5-c100-24", "--trials", "2"]);
    }

    [TestCaseSource(nameof(Verbs))]
    public void Report_AnyVerb_CarriesTheSameManifest(string verb, string[] args)
    {
        if (verb is "reproduce" or "sweep" or "curves")
        {
            RequiredData.MnistOrSkip(); // these read the real MNIST digits
        }

        string report = Path.Combine(_dir, "report.json");
        using var error = new StringWriter();

        int code = CommandLine.Run([.. args.Select(a => a.Replace("{dir}", _dir, StringComparison.Ordinal)), "--report",
            report],
            TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        JsonElement manifest = doc.RootElement.GetProperty("manifest");
        Assert.Multiple(() =>
        {
            foreach (string field in ManifestFields)
            {
                Assert.That(manifest.TryGetProperty(field, out _), Is.True, $"{verb}: manifest lacks {field}");
            }

            Assert.That(manifest.GetProperty("tool").GetString(), Is.EqualTo($"ilrg {verb}"));
            // bench has no --seed: its rows are fixed configurations under one seed, so runs stay comparable.
            Assert.That(manifest.GetProperty("seed").GetUInt64(), Is.EqualTo(verb == "bench" ? BenchRows.Seed : 7UL));
            Assert.That(manifest.GetProperty("datasets").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(manifest.GetProperty("datasets")[0].TryGetProperty("synthetic", out _), Is.True);
            Assert.That(manifest.GetProperty("libraries").TryGetProperty("TorchSharp", out _), Is.True);
            Assert.That(manifest.GetProperty("configuration").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
    }
}
