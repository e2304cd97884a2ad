using ILrg.Cli;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// The federated options of run / compare / invert (issue 11): every value that cannot produce the requested update
/// is one clear usage error naming the option (exit 1, one line), and a valid FedAvg comparison runs.
/// </summary>
public sealed class FederationOptionTests
{
    private static readonly string[] Compare =
        ["compare", "--dataset", "synthetic", "--classes", "5", "--image-shape", "1x8x8", "--model", "fcn", "--width",
            "16",
            "--batch-size", "8", "--trials", "1", "--methods", "ilrg"];

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [TestCase(new[] { "--protocol", "fedavg", "--local-lr", "0" }, "--local-lr")]
    [TestCase(new[] { "--protocol", "fedavg", "--momentum", "1" }, "--momentum")]
    [TestCase(new[] { "--protocol", "fedavg", "--local-batch", "9" }, "local batch")]
    [TestCase(new[] { "--protocol", "fedavg", "--local-epochs", "0" }, "--local-epochs")]
    [TestCase(new[] { "--local-epochs", "3" }, "--protocol fedavg")]
    [TestCase(new[] { "--label-smoothing", "1" }, "--label-smoothing")]
    [TestCase(new[] { "--label-smoothing", "-0.1" }, "--label-smoothing")]
    [TestCase(new[] { "--mixup", "0" }, "--mixup")]
    [TestCase(new[] { "--dirichlet", "0" }, "--dirichlet")]
    [TestCase(new[] { "--defence", "dp", "--defence-strength", "-1" }, "σ")]
    [TestCase(new[] { "--defence", "dp" }, "--defence-strength")]
    [TestCase(new[] { "--defence-strength", "3" }, "--defence")]
    [TestCase(new[] { "--defence", "sparse", "--defence-strength", "100" }, "[0, 100)")]
    [TestCase(new[] { "--defence", "quant", "--defence-strength", "0" }, "bits")]
    [TestCase(new[] { "--defence", "topk", "--defence-strength", "1000000" }, "exceeds")]
    [TestCase(new[] { "--dp-sgd-noise", "2" }, "--dp-sgd-clip")]
    [TestCase(new[] { "--dp-sgd-clip", "0" }, "--dp-sgd-clip")]
    public void Compare_ValueThatCannotProduceTheUpdate_IsOneUsageErrorNamingIt(string[] extra, string named)
    {
        var (code, _, err) = Run([.. Compare, .. extra]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err, Does.Contain(named));
            Assert.That(err.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(err, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void Compare_FedAvgWithRluAndADefence_RunsAndPrintsEachMethodsKnowledge()
    {
        var (code, output, err) = Run([.. Compare.Take(Compare.Length - 1), "ilrg,rlu", "--protocol", "fedavg",
            "--local-batch", "4", "--local-epochs", "2", "--auxiliary-per-class", "3", "--defence", "quant",
            "--defence-strength", "8"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), err);
            Assert.That(output, Does.Contain("aux 3/class"));
            Assert.That(output, Does.Contain("local lr/E/B/μ"));
        });
    }

    [TestCase(new[] { "sweep", "--kind", "defence", "--values", "0,1" }, "--defence")]
    [TestCase(new[] { "sweep", "--kind", "defence", "--defence", "dp" }, "--values")]
    [TestCase(new[] { "sweep", "--kind", "defence", "--defence", "label-smoothing", "--values", "0,1" }, "[0, 1)")]
    [TestCase(new[] { "sweep", "--kind", "defence", "--defence", "blur", "--values", "1" }, "blur")]
    public void Sweep_DefenceWithoutItsSettings_IsOneUsageError(string[] args, string named)
    {
        var (code, _, err) = Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err, Does.Contain(named));
            Assert.That(err.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        });
    }
}
