using ILrg.Cli;
using ILrg.Inversion;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

public sealed class InvertCommandTests
{
    [Test]
    public void Run_UnknownLabelMode_ExitsOneWithOneLine()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = CommandLine.Run(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2", "--labels", "oracle", "--out", "/tmp/x"],
            output, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString().Trim(), Does.Contain("oracle").And.Not.Contain("\n"));
        });
    }

    [Test]
    public void ParseModes_CommaList_GivesEachModeOnce()
    {
        var modes = InvertCommand.ParseModes("ilrg, joint-shared,ilrg,gt");

        Assert.That(modes, Is.EqualTo(new[] { LabelMode.ILrg, LabelMode.JointShared, LabelMode.GroundTruth }));
    }

    [Test]
    public void ParseErrors_NegativeValue_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => InvertCommand.ParseErrors("0,-1"));

        Assert.That(ex!.Message, Does.Contain("'-1'"));
    }

    [Test]
    public void Run_MissingOut_ExitsOne()
    {
        int code = CommandLine.Run(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2"], new StringWriter(), new StringWriter());

        Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
    }

    [Test]
    public void Run_TinySyntheticSweep_WritesPicturesAndReport()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ilrg-invert-test-" + Guid.NewGuid().ToString("N"));
        string report = Path.Combine(dir, "report.json");

        int code = CommandLine.Run(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--width", "16", "--batch-size", "2", "--labels",
             "ilrg,joint-shared", "--label-errors", "0,1", "--iterations", "3", "--restarts", "1", "--out", dir, "--report", report],
            new StringWriter(), new StringWriter());

        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Ok));
                Assert.That(
                    new[] { "pairs-ilrg.png", "pairs-ilrg-1-wrong.png", "pairs-joint-shared.png", "loss.png", "sensitivity.png" }
                        .Where(f => !File.Exists(Path.Combine(dir, f))),
                    Is.Empty);
                Assert.That(File.ReadAllText(report), Does.Contain("\"psnrGainILrgOverJointShared\""));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
