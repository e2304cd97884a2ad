using System.Text.Json;
using ILrg.Cli;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// <c>ilrg invert --model-state … --gradients … --arch …</c> on the paper's own FCN-3 update (tests/fixtures/ig-parity,
/// keys <c>fin.0</c>, <c>hiddens.0.0</c>, <c>fc</c> mapped by order and shape): the labels come from the audit of the
/// same update, PNGs and the JSON report are written, and misplaced options are one clear error.
/// </summary>
public sealed class InvertFilesTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-invert-files-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Run_ParityUpdateFewIterations_WritesPicturesAndReportWithTheAuditsLabels()
    {
        string report = Path.Combine(_dir, "r.json");
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["invert", .. Update("a"), "--labels", "ilrg", "--iterations", "20", "--restarts", "1",
             "--out", _dir, "--report", report], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        JsonElement root = doc.RootElement;
        int[] restored = [.. root.GetProperty("restoredCounts").EnumerateArray().Select(e => e.GetInt32())];
        int[] used =
            [.. root.GetProperty("runs")[0].GetProperty("labelsUsed").EnumerateArray().Select(e => e.GetInt32())];
        Assert.Multiple(() =>
        {
            Assert.That(restored.Sum(), Is.EqualTo(50));
            Assert.That(used, Is.EqualTo(Enumerable.Range(0, 10).SelectMany(c => Enumerable.Repeat(c, restored[c]))),
                "mode ilrg inverts with the audit's corrected counts");
            Assert.That(root.GetProperty("finalLayer").GetProperty("name").GetString(), Is.EqualTo("fc"));
            Assert.That(root.GetProperty("runs")[0].GetProperty("meanPsnr").ValueKind, Is.EqualTo(JsonValueKind.Null),
                "no --truth-images, no score");
            Assert.That(root.GetProperty("manifest").GetProperty("tool").GetString(), Is.EqualTo("ilrg invert"));
            Assert.That(File.Exists(Path.Combine(_dir, "ilrg.png")), Is.True);
        });
    }

    /// <summary>Worth its ~20 s (up to 50 s on a busy machine): the only test that runs a full-length inversion of an
    /// update written by the paper's own code through the CLI's file path (readers, key mapping by order,
    /// normalisation default, truth scoring); the reference setting of meta.json (2000 iterations, 1 restart, tv 1e-4,
    /// l2 1e-6); the gate is the library parity test's (the paper's matched PSNR minus 0.5 dB), on one seed.
    /// </summary>
    [Test]
    public void Run_ParityUpdateGroundTruthLabels_ReachesThePapersPsnr()
    {
        string report = Path.Combine(_dir, "r.json");
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["invert", .. Update("a"), "--truth-images", InteropFixtures.IgParity("a", "images.npy"),
             "--truth-labels", InteropFixtures.IgParity("a", "labels.npy"), "--labels", "gt", "--iterations", "2000",
             "--restarts", "1", "--tv", "1e-4", "--l2", "1e-6", "--seed", "0", "--out", _dir, "--report", report],
            TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(InteropFixtures.IgParity("a", "meta.json")));
        double paper = meta.RootElement.GetProperty("reference_matched_psnr_db").GetDouble();
        double psnr = doc.RootElement.GetProperty("runs")[0].GetProperty("meanPsnr").GetDouble();
        Assert.That(psnr, Is.GreaterThanOrEqualTo(paper - 0.5), $"paper's code: {paper} dB");
    }

    [TestCase(new[] { "--dataset", "synthetic" }, "--dataset simulates")]
    [TestCase(new[] { "--label-errors", "2" }, "--label-errors")]
    [TestCase(new[] { "--labels", "gt" }, "--truth-labels")]
    public void Run_RealUpdateWithMisplacedOption_ExitsOneWithOneLine(string[] extra, string expected)
    {
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["invert", .. Update("a"), "--iterations", "2", "--out", _dir, .. extra], TextWriter.Null, error);

        AssertOneLine(code, error, expected);
    }

    [Test]
    public void Run_RealUpdateWithoutArch_ExitsOneNamingArch()
    {
        using var error = new StringWriter();
        string[] args = [.. Update("a").Where(a => a is not "--arch" and not "fcn")];

        int code = CommandLine.Run(["invert", .. args, "--out", _dir], TextWriter.Null, error);

        AssertOneLine(code, error, "--arch");
    }

    [TestCase(new[] { "--model", "fcn", "--batch-size", "2" }, "--dataset is required")]
    [TestCase(
        new[] { "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2", "--arch", "fcn" }, "--arch goes")]
    public void Run_SimulatedUpdateMissingOrMisplacedOption_ExitsOneWithOneLine(string[] args, string expected)
    {
        using var error = new StringWriter();

        int code = CommandLine.Run(["invert", .. args, "--out", _dir], TextWriter.Null, error);

        AssertOneLine(code, error, expected);
    }

    private static string[] Update(string fixture) =>
    [
        "--model-state", InteropFixtures.IgParity(fixture, "model.npz"),
        "--gradients", InteropFixtures.IgParity(fixture, "grads.npz"), "--arch", "fcn", "--batch-size", "50",
    ];

    private static void AssertOneLine(int code, StringWriter error, string expected)
    {
        string message = error.ToString().TrimEnd();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(message.Split('\n'), Has.Length.EqualTo(1), message);
            Assert.That(message, Does.Contain(expected));
        });
    }
}
