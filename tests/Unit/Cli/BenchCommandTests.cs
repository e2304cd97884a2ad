using System.Text.Json;
using ILrg.Cli;
using ILrg.Cli.Commands;
using ILrg.Cli.Views;
using ILrg.Performance;
using ILrg.Testing;
using ILrg.Tests.Unit.Performance;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary><c>ilrg bench</c>: its usage errors, its report and its baseline exit codes. Speed is measured by the
/// verb, never asserted here; baselines that decide an exit code are far beyond any real time (1e-300 ms, 1e300
/// ms).</summary>
public sealed class BenchCommandTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-bench-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static (int Code, string Out, string Err) Execute(IReadOnlyList<BenchRow> rows, string? baseline,
        string? report)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new BenchConfiguration([.. rows.Select(r => r.Name)], false, null, null, baseline);
        int code = CommandLine.Guarded(error, run => BenchCommand.Execute(
            rows, configuration, baseline is null ? null : new FileInfo(baseline),
            report is null ? null : new FileInfo(report), output, error, run));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A baseline with the tiny trial row at <paramref name="tinyTrialsMs"/> and a row this run
    /// lacks.</summary>
    private string Baseline(double tinyTrialsMs)
    {
        string path = Path.Combine(_dir, "old.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            manifest = new { tool = "ilrg bench" },
            rows = new[]
            {
                new { name = "tiny-trials", medianMs = tinyTrialsMs }, new { name = "gone-row", medianMs = 1.0 },
            },
        }));
        return path;
    }

    [Test]
    public void Bench_UnknownRow_ExitsOneWithOneLineNamingTheKnownRows()
    {
        var (code, _, err) = Run("bench", "--rows", "fcn-mnist-24,resnet9");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(err, Does.Contain("resnet9").And.Contain("restore-c1000-d2048"));
        });
    }

    [TestCase("1")]
    [TestCase("0.9")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    public void Bench_ToleranceNotAboveOne_UsageError(string tolerance)
    {
        var (code, _, err) = Run("bench", "--baseline", "old.json", "--tolerance", tolerance);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err, Does.Contain("--tolerance"));
        });
    }

    [Test]
    public void Bench_ToleranceWithoutBaseline_ExitsOne()
    {
        var (code, _, err) = Run("bench", "--tolerance", "1.5", "--rows", "fcn-mnist-24");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err, Does.Contain("--tolerance needs --baseline"));
        });
    }

    [Test]
    public void Bench_List_PrintsEveryRowAndRunsNothing()
    {
        var (code, output, _) = Run("bench", "--list");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            foreach (string name in BenchRows.Names)
            {
                Assert.That(output, Does.Contain(name));
            }
        });
    }

    [TestCase("absent")]
    [TestCase("not json")]
    [TestCase("a run report")]
    public void Bench_BadBaseline_OneLineExitOneBeforeAnyRow(string kind)
    {
        string path = Path.Combine(_dir, "old.json");
        if (kind == "not json")
        {
            File.WriteAllText(path, "{ rows: ");
        }
        else if (kind == "a run report")
        {
            File.WriteAllText(path, """{"manifest": {"tool": "ilrg run"}, "trials": []}""");
        }

        var (code, output, err) = Execute([TinyBenchRows.Trials(2)], path, null);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UsageOrError));
            Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(err, Does.Contain(path));
            Assert.That(output, Does.Not.Contain("tiny-trials:"), "no row ran");
        });
    }

    [Test]
    public void Bench_RowSlowerThanTheBaseline_ExitsTwoAndListsOneSidedRows()
    {
        var (code, output, _) = Execute([TinyBenchRows.Trials(2)], Baseline(1e-300), null);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.CheckFailed));
            Assert.That(output, Does.Contain("SLOWER"));
            Assert.That(output, Does.Contain("only in the baseline (not compared): gone-row"));
        });
    }

    [Test]
    public void Bench_NoRowSlowerThanTheBaseline_ExitsZero()
    {
        var (code, output, _) = Execute([TinyBenchRows.Trials(2)], Baseline(1e300), null);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(output, Does.Contain("no row slower than 1.25× the baseline"));
        });
    }

    [Test]
    public void Bench_Report_HoldsManifestRowsAndMediansOfTheirRawValues()
    {
        string report = Path.Combine(_dir, "bench.json");

        var (code, _, err) = Execute(
            [TinyBenchRows.Trials(3), TinyBenchRows.Restoration(2), TinyBenchRows.Inversion(2)], Baseline(1e300),
            report);

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        JsonElement root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), err);
            Assert.That(root.GetProperty("manifest").GetProperty("tool").GetString(), Is.EqualTo("ilrg bench"));
            Assert.That(root.GetProperty("torchThreads").GetInt32(), Is.GreaterThanOrEqualTo(1));
            Assert.That(root.GetProperty("baseline").GetProperty("rows").GetArrayLength(), Is.EqualTo(1));
            foreach (JsonElement row in root.GetProperty("rows").EnumerateArray())
            {
                double[] raw = [.. row.GetProperty("rawMs").EnumerateArray().Select(v => v.GetDouble()).Order()];
                double median = raw.Length % 2 == 1 ? raw[raw.Length / 2]
                    : (raw[raw.Length / 2 - 1] + raw[raw.Length / 2]) / 2;
                Assert.That(row.GetProperty("medianMs").GetDouble(), Is.EqualTo(median).Within(1e-9),
                    row.GetProperty("name").GetString());
                Assert.That(row.GetProperty("stageMediansMs").EnumerateObject().Any(), Is.True);
                Assert.That(row.TryGetProperty("memory", out JsonElement memory) &&
                            memory.TryGetProperty("peakRssMiB", out _) && memory.TryGetProperty("rssBeforeMiB", out _),
                    Is.True);
            }
        });
    }

    [Test]
    public void Bench_RealRowsThroughTheVerb_ReportWithTheirStages()
    {
        RequiredData.MnistOrSkip();
        string report = Path.Combine(_dir, "bench.json");

        var (code, _, err) = Run("bench", "--rows", "fcn-mnist-24,ig-fcn-50", "--trials", "2", "--repeats", "1",
            "--report", report);

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        JsonElement rows = doc.RootElement.GetProperty("rows");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), err);
            Assert.That(rows.EnumerateArray().Select(r => r.GetProperty("name").GetString()),
                Is.EqualTo(new[] { "fcn-mnist-24", "ig-fcn-50" }));
            Assert.That(rows[0].GetProperty("stageMediansMs").EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(new[] { "sample", "model", "client", "restore", "metrics", "total" }));
            Assert.That(rows[0].GetProperty("referenceMs").GetDouble(), Is.EqualTo(17));
            Assert.That(rows[1].GetProperty("measured").GetInt32(), Is.EqualTo(1));
        });
    }

    private static BenchReport TwoThreadReport(params BenchRowResult[] rows)
    {
        var configuration = new BenchConfiguration([.. rows.Select(r => r.Name)], false, null, null, null);
        return BenchReport.Create(configuration, rows, [], DateTimeOffset.UtcNow) with { TorchThreads = 2 };
    }

    [Test]
    public void LoadWarning_LoadAWholeProcessAboveTheRunsThreads_SaysTheTimesAreNoisy()
    {
        BenchReport report = TwoThreadReport(TinyBenchRows.Result("a", 1, load: 3.0));

        Assert.That(BenchViews.LoadWarning(report), Does.Contain("other work shared the cores"));
    }

    [Test]
    public void LoadWarning_LoadOfTheRunItselfOrUnknown_None()
    {
        BenchReport report = TwoThreadReport(TinyBenchRows.Result("a", 1, load: 2.9), TinyBenchRows.Result("b", 1));

        Assert.That(BenchViews.LoadWarning(report), Is.Null);
    }
}
