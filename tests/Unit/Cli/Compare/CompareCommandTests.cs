using System.Text.Json;
using ILrg.Cli;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli.Compare;

public sealed class CompareCommandTests
{
    private static readonly string[] SmallRun =
    [
        "compare", "--dataset", "synthetic", "--classes", "10", "--image-shape", "1x28x28", "--model", "fcn",
        "--width", "32", "--batch-size", "6", "--trials", "2", "--methods", "ilrg,idlg,llg+,oracle,random",
    ];

    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-compare-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Compare_SmallSyntheticRun_PrintsOneRowPerMethod()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = CommandLine.Run(SmallRun, output, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
            Assert.That(output.ToString(), Does.Contain("UPPER BOUND").And.Contain("LOWER BOUND").And.Contain("llg+"));
        });
    }

    [Test]
    public void Compare_WithReport_WritesJsonMarkdownAndPng()
    {
        string json = Path.Combine(_dir, "cmp.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = CommandLine.Run([.. SmallRun, "--report", json], output, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            Assert.That(doc.RootElement.GetProperty("summaries").GetArrayLength(), Is.EqualTo(5));
            Assert.That(File.ReadAllText(Path.ChangeExtension(json, ".md")), Does.Contain("| oracle | UPPER BOUND |"));
            byte[] png = File.ReadAllBytes(Path.ChangeExtension(json, ".png"));
            Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        });
    }

    [Test]
    public void Compare_OracleRow_ScoresPerfectly()
    {
        string json = Path.Combine(_dir, "cmp.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        CommandLine.Run([.. SmallRun, "--report", json], output, error);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement oracle = doc.RootElement.GetProperty("summaries").EnumerateArray()
            .Single(s => s.GetProperty("method").GetString() == "oracle");
        Assert.That(oracle.GetProperty("labels").GetProperty("exactBatchRate").GetDouble(), Is.EqualTo(1.0));
    }

    [Test]
    public void Compare_UnknownMethod_ExitsOneWithOneLine()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["compare", "--dataset", "synthetic", "--model", "fcn", "--batch-size", "4", "--methods", "ilrg,bogus"],
            output, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString().Trim(), Does.Contain("bogus").And.Not.Contain("\n"));
        });
    }
}
