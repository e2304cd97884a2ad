using System.Text.Json.Nodes;
using ILrg.Claims.Snapshots;
using ILrg.Cli;
using ILrg.Cli.Commands;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>The CLI surface of issue 14: --shard, --model-per, --device, merge, golden diff.</summary>
public sealed class ShardAndGoldenCliTests
{
    private const string Tiny =
        "--dataset synthetic --classes 4 --image-shape 1x8x8 --model fcn --width 8 --batch-size 4";

    [TestCase("run " + Tiny + " --shard 2/3 --report r.json --model-per run --device cpu")]
    [TestCase("compare " + Tiny + " --shard 1/1 --report r.json --device auto")]
    [TestCase("reproduce --suite full --shard 3/8 --report r.json")]
    [TestCase("reproduce --suite accelerator --list")]
    [TestCase("reproduce --only fcn3 --device cpu")]
    [TestCase("sweep --kind batch --runs 3 --trials 10 --shard 1/2 --report r.json")]
    [TestCase("merge a.json b.json --report m.json")]
    [TestCase("golden diff --only fcn3-mnist-n24")]
    public void Parse_NewOptions_NoErrors(string line)
    {
        Assert.That(CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(line).Errors, Is.Empty);
    }

    [TestCase("run " + Tiny + " --shard 0/3")]
    [TestCase("run " + Tiny + " --shard 4/3")]
    [TestCase("run " + Tiny + " --shard half")]
    [TestCase("run " + Tiny + " --model-per batch")]
    [TestCase("run " + Tiny + " --device tpu")]
    [TestCase("sweep --kind depth --runs 1")]
    [TestCase("merge")]
    public void Parse_BadValue_ReportsError(string line)
    {
        Assert.That(CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(line).Errors, Is.Not.Empty);
    }

    [Test]
    public void Run_ShardWithoutReport_ExitsOneSayingWhy()
    {
        var error = new StringWriter();

        int code = CommandLine.Run([.. ("run " + Tiny + " --trials 4 --shard 1/2").Split(' ')], TextWriter.Null, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(error.ToString(), Does.Contain("--shard needs --report"));
        });
    }

    [Test]
    public void Run_TwoShardsMergedOnTheCommandLine_EqualTheUnshardedTrials()
    {
        string dir = Directory.CreateTempSubdirectory("ilrg-cli-shards-").FullName;
        try
        {
            string[] args = [.. (Tiny + " --trials 5 --seed 2 --model-per run").Split(' ')];
            string Report(string name) => Path.Combine(dir, name);
            int Cli(params string[] a) => CommandLine.Run(a, TextWriter.Null, TextWriter.Null);
            Assert.That(Cli(["run", .. args, "--report", Report("w.json")]), Is.Zero);
            for (int i = 1; i <= 2; i++)
            {
                Assert.That(Cli(["run", .. args, "--shard", $"{i}/2", "--report", Report($"s{i}.json")]), Is.Zero);
            }

            int code = Cli("merge", Report("s2.json"), Report("s1.json"), "--report", Report("m.json"));

            JsonNode whole = JsonNode.Parse(File.ReadAllText(Report("w.json")))!;
            JsonNode merged = JsonNode.Parse(File.ReadAllText(Report("m.json")))!;
            string Counts(JsonNode n) =>
                string.Join(";", n["trials"]!.AsArray().Select(t => t!["restoredCounts"]!.ToJsonString()));
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Zero);
                Assert.That(Counts(merged), Is.EqualTo(Counts(whole)));
                Assert.That(merged["summary"]!.ToJsonString(), Is.EqualTo(whole["summary"]!.ToJsonString()));
                Assert.That(merged["config"]!["modelPer"]!.GetValue<string>(), Is.EqualTo("run"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void GoldenDiff_OneCountChangedInTheGolden_ExitsTwoNamingRestorerTrialAndClass()
    {
        RequiredData.MnistOrSkip();
        string dir = Directory.CreateTempSubdirectory("ilrg-golden-").FullName;
        try
        {
            const string Name = "fcn3-mnist-n24";
            string file = RestorerSnapshots.GoldenName(Name) + ".json";
            JsonNode golden = JsonNode.Parse(File.ReadAllText(Path.Combine(GoldenFile.Repository().Directory, file)))!;
            JsonNode ilrg = golden["data"]!["trials"]![1]!["methods"]!.AsArray()
                .First(m => m!["method"]!.GetValue<string>() == "ilrg")!;
            ilrg["counts"] = "0:24";
            File.WriteAllText(Path.Combine(dir, file), golden.ToJsonString());
            var output = new StringWriter();

            int code = GoldenCommand.Execute(new DirectoryInfo(dir), Name, output, TextWriter.Null);

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.CheckFailed));
                Assert.That(output.ToString(), Does.Contain("trial 1 ilrg: counts class 0: 24 →"));
                Assert.That(output.ToString(), Does.Contain("LnAcc"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void GoldenDiff_NoGoldenFile_ExitsOneWithTheFix()
    {
        var error = new StringWriter();
        string dir = Directory.CreateTempSubdirectory("ilrg-golden-none-").FullName;
        try
        {
            int code = CommandLine.Run(
                ["golden", "diff", "--golden-dir", dir, "--only", "lenet5"], TextWriter.Null, error);

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
                Assert.That(error.ToString(), Does.Contain("ILRG_UPDATE_GOLDEN=1"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Diff_SameSnapshot_IsEmpty()
    {
        var s = new RestorerSnapshot("x", [new SnapshotTrial(0, "1:2", [new SnapshotMethod("ilrg", "1:2", 1, 1, 1)])]);

        Assert.That(RestorerSnapshots.Diff(s, s with { }), Is.Empty);
    }
}
