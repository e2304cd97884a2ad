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
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2", "--labels", "oracle", "--out",
                "/tmp/x"],
            output, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString().Trim(), Does.Contain("oracle").And.Not.Contain("\n"));
        });
    }

    [Test]
    public void Parse_LabelsCommaList_GivesEachModeOnce()
    {
        var parsed = CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2", "--out", "/tmp/x",
             "--labels", "ilrg, joint-shared,ilrg,gt"]);
        var labels = parsed.CommandResult.Command.Options.Single(o => o.Name == "--labels");

        Assert.That(parsed.GetValue<IReadOnlyList<LabelMode>>(labels.Name),
            Is.EqualTo(new[] { LabelMode.ILrg, LabelMode.JointShared, LabelMode.GroundTruth }));
    }

    [Test]
    public void Run_NegativeLabelError_ExitsOneNamingIt()
    {
        var error = new StringWriter();

        int code = CommandLine.Run(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2", "--out", "/tmp/x",
             "--label-errors", "0,-1"], new StringWriter(), error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString(), Does.Contain("'-1'"));
        });
    }

    [Test]
    public void Run_MethodAliasOfInverter_IsAccepted()
    {
        var parsed = CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2", "--out", "/tmp/x", "--method",
                "dlg"]);

        Assert.That(parsed.GetValue<string>("--inverter"), Is.EqualTo("dlg"));
    }

    [Test]
    public void Run_MissingOut_ExitsOne()
    {
        int code = CommandLine.Run(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "2"], new StringWriter(),
            new StringWriter());

        Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
    }

    [Test]
    public void Run_TinySyntheticSweep_WritesPicturesAndReport()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ilrg-invert-test-" + Guid.NewGuid().ToString("N"));
        string report = Path.Combine(dir, "report.json");

        int code = CommandLine.Run(
            ["invert", "--dataset", "synthetic", "--model", "fcn", "--width", "16", "--batch-size", "2", "--labels",
             "ilrg,joint-shared", "--label-errors", "0,1", "--iterations", "3", "--restarts", "1", "--out", dir,
             "--report", report],
            new StringWriter(), new StringWriter());

        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Ok));
                Assert.That(
                    new[] { "pairs-ilrg.png", "pairs-ilrg-1-wrong.png", "pairs-joint-shared.png", "loss.png",
                        "sensitivity.png" }
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
