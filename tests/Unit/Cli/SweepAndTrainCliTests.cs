using ILrg.Cli;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>The CLI surface of issue 3.</summary>
public sealed class SweepAndTrainCliTests
{
    [TestCase("run --dataset synthetic --model resnet50 --batch-size 4 --checkpoint /x.pt --chunk-size 8")]
    [TestCase("run --dataset synthetic --model vgg16 --batch-size 4 --dropout --mode train")]
    [TestCase("train --dataset mnist --model fcn --iterations 10 --out /tmp/x --attack-batch-size 8 --plot p.png")]
    [TestCase("sweep --kind depth --trials 5")]
    [TestCase("reproduce --suite full")]
    public void Parse_NewOptions_NoErrors(string line)
    {
        var parsed = CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(line);

        Assert.That(parsed.Errors, Is.Empty);
    }

    [TestCase("run --dataset synthetic --model vgg12 --batch-size 4")]
    [TestCase("sweep --kind width")]
    [TestCase("reproduce --suite huge")]
    [TestCase("run --dataset synthetic --model vgg16 --batch-size 4 --chunk-size 0")]
    public void Parse_BadValue_ReportsError(string line)
    {
        var parsed = CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(line);

        Assert.That(parsed.Errors, Is.Not.Empty);
    }

    [Test]
    public void Run_CheckpointThatDoesNotExist_ExitsWithOneLineError()
    {
        var error = new StringWriter();

        int code = CommandLine.Run(
            ["run", "--dataset", "synthetic", "--model", "lenet5", "--batch-size", "4", "--trials", "1", "--checkpoint", "/nonexistent/x.pt"],
            TextWriter.Null, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString(), Does.Contain("/nonexistent/x.pt"));
        });
    }

    [Test]
    public void Run_Cifar100WithoutDataDir_ExitsEnvironmentMissing()
    {
        int code = CommandLine.Run(
            ["run", "--dataset", "cifar100", "--model", "lenet5", "--batch-size", "4"], TextWriter.Null, TextWriter.Null);

        Assert.That(code, Is.EqualTo(ExitCodes.EnvironmentMissing));
    }
}
