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
}
