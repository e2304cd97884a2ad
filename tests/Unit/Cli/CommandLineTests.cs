using ILrg.Cli.Commands;
using System.Text.Json;
using ILrg.Cli;
using ILrg.Data;
using ILrg.Trials;
using ILrg.Claims;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using ILrg.Models;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static readonly string[] SyntheticRun =
        ["run", "--dataset", "synthetic", "--model", "lenet5", "--batch-size", "8", "--trials", "2", "--seed", "3"];

    [Test]
    public void Parse_RunWithAllOptions_HasNoErrors()
    {
        var root = CommandLine.Build(TextWriter.Null, TextWriter.Null);

        var parsed = root.Parse([.. SyntheticRun, "--activation", "silu", "--distribution", "balanced", "--classes", "100",
            "--image-shape", "3x32x32", "--method", "ilrg-estimate", "--mode", "train", "--report", "x.json"]);

        Assert.That(parsed.Errors, Is.Empty);
    }

    [TestCase("--model", "alexnet", "alexnet")]
    [TestCase("--dataset", "imagenet9", "imagenet9")]
    [TestCase("--batch-size", "0", "at least 1")]
    [TestCase("--method", "magic", "magic")]
    [TestCase("--activation", "tanh", "tanh")]
    public void Run_BadArgument_OneLineErrorAndExitOne(string option, string value, string mentioned)
    {
        var args = SyntheticRun.ToList();
        int i = args.IndexOf(option);
        if (i >= 0)
        {
            args[i + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, err) = Run([.. args]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(err, Does.Contain(mentioned));
        });
    }

    [Test]
    public void Run_MissingRequiredOption_ExitsOne()
    {
        Assert.That(Run("run", "--dataset", "synthetic").Code, Is.EqualTo(ExitCodes.UsageOrError));
    }

    [Test]
    public void Run_BadImageShape_ExitsOneWithMessage()
    {
        var (code, _, err) = Run([.. SyntheticRun, "--image-shape", "3x32"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err, Does.Contain("CxHxW"));
        });
    }

    [Test]
    public void Run_BatchLargerThanDataset_ExitsOne()
    {
        var (code, _, err) = Run("run", "--dataset", "mnist", "--data-dir", WriteTinyMnist(), "--model", "fcn",
            "--batch-size", "5", "--trials", "1");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err, Does.Contain("exceeds the 3 images"));
        });
    }

    [Test]
    public void Run_MissingDataDirectory_ExitsThreeNamingTheFix()
    {
        var (code, _, err) = Run("run", "--dataset", "fashion-mnist", "--data-dir", "/nonexistent/ilrg", "--model", "fcn",
            "--batch-size", "4", "--trials", "1");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.EnvironmentMissing));
            Assert.That(err, Does.Contain("dataset-fashion-mnist"));
        });
    }

    [Test]
    public void Run_SyntheticWithReport_PrintsTrialsAndWritesJson()
    {
        string report = Path.Combine(Path.GetTempPath(), $"ilrg-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, _) = Run([.. SyntheticRun, "--report", report]);

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Ok));
                Assert.That(output, Does.Contain("trial 1/2").And.Contain("trial 2/2").And.Contain("SYNTHETIC"));
                Assert.That(output, Does.Contain("LnAcc"));
                Assert.That(doc.RootElement.GetProperty("trials").GetArrayLength(), Is.EqualTo(2));
            });
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Test]
    public void Reproduce_ClaimBelowThreshold_ExitsTwoAndSaysFail()
    {
        var claim = new PaperClaim(
            "impossible", "a threshold above 1 cannot be met", "quick",
            new ExperimentSpec(new DatasetRequest("synthetic"), new ModelSpec("lenet5"), 4, 1, 0), 2,
            [new ClaimCheck("leAcc", null, Method: "ilrg", Threshold: 1.01)], 0.1);
        using var output = new StringWriter();

        int code = ReproduceCommand.Execute(new ReproduceCommand.Request([claim]), output, TextWriter.Null);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.CheckFailed));
            Assert.That(output.ToString(), Does.Contain("FAIL"));
        });
    }

    [Test]
    public void Reproduce_ClaimMet_ExitsZeroAndWritesReport()
    {
        var claim = new PaperClaim(
            "lenet-small", "LeNet-5 on the stand-in", "quick",
            new ExperimentSpec(new DatasetRequest("synthetic"), new ModelSpec("lenet5"), 4, 2, 0), 2,
            [ClaimCheck.Figure("ilrg", "leAcc", 1.0)], 0.1);
        string report = Path.Combine(Path.GetTempPath(), $"ilrg-{Guid.NewGuid():N}.json");
        try
        {
            int code = ReproduceCommand.Execute(
                new ReproduceCommand.Request([claim], Report: new FileInfo(report)), TextWriter.Null, TextWriter.Null);

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Ok));
                Assert.That(doc.RootElement.GetProperty("passed").GetBoolean(), Is.True);
                Assert.That(doc.RootElement.GetProperty("claims")[0].GetProperty("synthetic").GetBoolean(), Is.True);
            });
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static string WriteTinyMnist()
    {
        string dir = Directory.CreateTempSubdirectory("ilrg-cli-").FullName;
        File.WriteAllBytes(Path.Combine(dir, "t10k-images-idx3-ubyte"), Data.IdxReaderTests.Idx([3, 28, 28], new byte[3 * 784]));
        File.WriteAllBytes(Path.Combine(dir, "t10k-labels-idx1-ubyte"), Data.IdxReaderTests.Idx([3], [0, 1, 2]));
        return dir;
    }
}
