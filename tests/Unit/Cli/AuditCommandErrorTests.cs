using ILrg.Cli;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// Every bad file or option of <c>ilrg audit</c> is one clear line on the error stream and exit 1, before any report
/// is written: damaged or unsuitable files, keys and shapes that do not match, NaN, a wrong number of updates, a
/// learning rate ≤ 0, an unknown architecture.
/// </summary>
public sealed class AuditCommandErrorTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-audit-bad-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<TestCaseData> BadInputs()
    {
        static string Bad(string file) => InteropFixtures.Interop("bad", file);
        string grads = InteropFixtures.Interop("cnn", "fedsgd-grads.pt");
        string after = InteropFixtures.Interop("cnn", "fedavg-after.pt");
        yield return Case("NaN", ["--gradients", Bad("cnn-grads-nan.pt")], "non-finite");
        yield return Case("renamed key", ["--gradients", Bad("cnn-grads-renamed-key.npz")], "head.1.bias_renamed");
        yield return Case("wrong shape", ["--gradients", Bad("cnn-grads-wrong-shape.pt")], "10×60");
        yield return Case("legacy torch.save", ["--gradients", Bad("legacy-format.pt")], "legacy");
        yield return Case("whole module", ["--gradients", Bad("whole-module.pt")], "whole pickled module");
        yield return Case("nested checkpoint", ["--gradients", Bad("nested-checkpoint.pt")], "not a tensor");
        yield return Case("missing file", ["--gradients", "/nonexistent/grads.pt"], "does not exist");
        yield return Case("no update", [], "exactly one update");
        yield return Case("two updates", ["--gradients", grads, "--after", after], "exactly one update");
        yield return Case("lr zero", ["--after", after, "--local-lr", "0", "--local-steps", "3"], "--local-lr");
        yield return Case("lr negative", ["--after", after, "--local-lr", "-0.1", "--local-steps", "3"], "--local-lr");
        yield return Case("FedAvg without lr", ["--after", after, "--local-steps", "3"], "--local-lr");
        yield return Case("FedAvg without steps", ["--after", after, "--local-lr", "0.05"], "--local-steps");
        yield return Case("FedSGD with lr", ["--gradients", grads, "--local-lr", "0.05"], "--gradients");
        yield return Case(
            "steps against local batch", ["--after", after, "--local-lr", "0.05", "--local-steps", "7", "--local-batch",
                "8"], "--local-steps 7");
        yield return Case("unknown arch", ["--gradients", grads, "--arch", "vgg99"], "vgg99");
        yield return Case("unknown torchvision arch", ["--gradients", grads, "--arch", "torchvision:nosuch"], "nosuch");
        yield return Case("arch that does not fit", ["--gradients", grads, "--arch", "torchvision:resnet18"],
            "does not fit --arch torchvision:resnet18");
        yield return Case("unknown final layer", ["--gradients", grads, "--final-layer", "nope"], "'nope'");
        yield return Case("unknown method", ["--gradients", grads, "--methods", "ilrg,nosuch"], "nosuch");
        yield return Case("model method without arch", ["--gradients", grads, "--methods", "zero-shot"], "--arch");
        yield return Case("aux without arch", ["--gradients", grads, "--aux-data", "/tmp"], "--aux-data needs --arch");
        yield return Case("reversed range", ["--gradients", grads, "--batch-size", "40..16"], "--batch-size");
    }

    private static TestCaseData Case(string name, string[] args, string expected) =>
        new TestCaseData(args, expected).SetName($"Run_{name.Replace(' ', '_')}_ExitsOneWithOneClearLine");

    [TestCaseSource(nameof(BadInputs))]
    public void Run_BadInput_ExitsOneWithOneClearLine(string[] args, string expected)
    {
        string report = Path.Combine(_dir, "audit.json");
        string[] batch = args.Contains("--batch-size") ? [] : ["--batch-size", "24"];
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["audit", "--model-state", InteropFixtures.Interop("cnn", "model.pt"), .. batch, .. args,
             "--report", report],
            TextWriter.Null, error);

        string message = error.ToString().TrimEnd();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(message.Split('\n'), Has.Length.EqualTo(1), message);
            Assert.That(message, Does.Contain(expected).And.Not.Contain("   at "));
            Assert.That(File.Exists(report), Is.False, "no report on error");
        });
    }

    [TestCase(0.5)]
    [TestCase(0.98)]
    public void Run_TruncatedUpdate_ExitsOneNamingTheFile(double keep)
    {
        byte[] bytes = File.ReadAllBytes(InteropFixtures.Interop("cnn", "fedsgd-grads.pt"));
        string truncated = Path.Combine(_dir, "truncated.pt");
        File.WriteAllBytes(truncated, bytes[..(int)(bytes.Length * keep)]);
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["audit", "--model-state", InteropFixtures.Interop("cnn", "model.pt"), "--gradients", truncated,
             "--batch-size", "24"], TextWriter.Null, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(error.ToString(), Does.Contain("truncated.pt"));
        });
    }

    [TestCase("fedsgd-grads.npz")]
    [TestCase("fedsgd-grads.pt")]
    public void Run_FuzzedUpdate_ExitsOneNamingTheFile(string file)
    {
        byte[] bytes = File.ReadAllBytes(InteropFixtures.Interop("cnn", file));
        for (int i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        string fuzzed = Path.Combine(_dir, "fuzzed-" + file);
        File.WriteAllBytes(fuzzed, bytes);
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["audit", "--model-state", InteropFixtures.Interop("cnn", "model.pt"), "--gradients", fuzzed,
             "--batch-size", "24"], TextWriter.Null, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(error.ToString(), Does.Contain("fuzzed-"));
        });
    }

    [Test]
    public void Run_SafetensorsWithSeveralCandidates_ExitsOneListingThem()
    {
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["audit", "--model-state", InteropFixtures.Interop("fcn", "model.safetensors"),
             "--gradients", InteropFixtures.Interop("fcn", "fedsgd-grads.safetensors"), "--batch-size", "24"],
            TextWriter.Null, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString(), Does.Contain("ambiguous").And.Contain("fc (10×64)").And.Contain("fin.1"));
        });
    }

    [Test]
    public void Run_ReportIntoAFile_FailsBeforeAnyWork()
    {
        string blocker = Path.Combine(_dir, "file");
        File.WriteAllText(blocker, "not a folder");
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["audit", "--model-state", InteropFixtures.Interop("cnn", "model.pt"),
             "--gradients", InteropFixtures.Interop("cnn", "fedsgd-grads.pt"), "--batch-size", "24",
             "--html", Path.Combine(blocker, "audit.html")], output, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString(), Does.Contain("file"));
            Assert.That(output.ToString(), Does.Not.Contain("verdict"), "no audit ran");
        });
    }
}
