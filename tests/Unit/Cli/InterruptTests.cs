using System.Diagnostics;
using System.Text.Json;
using ILrg.Cli;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// Ctrl-C (SIGINT) ends a verb within 2 s with exit 130 and, where trials had finished, a report marked interrupted
/// holding them (issue 9). The command runs as a child process, as a user runs it, and gets a real signal.
/// </summary>
[NonParallelizable]
public sealed class InterruptTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-interrupt-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [TestCase("run", "ilrg")]
    [TestCase("run", "ilrg-mip")]
    [TestCase("compare", "all")]
    public void Interrupt_AfterSomeTrials_ExitsWithin2sWithAnInterruptedReport(string verb, string method)
    {
        string report = Path.Combine(_dir, "report.json");
        string methodOption = verb == "compare" ? "--methods" : "--method";
        var (code, elapsed) = RunAndInterrupt(
            ["--dataset", "synthetic", "--model", "lenet5", "--batch-size", "16", "--trials", "100000", methodOption,
                method,
             "--report", report], verb, "trial 2/");

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Interrupted));
            Assert.That(elapsed, Is.LessThan(Limit), "from the signal to the exit");
            Assert.That(doc.RootElement.GetProperty("interrupted").GetBoolean(), Is.True);
            Assert.That(doc.RootElement.GetProperty("trials").GetArrayLength(), Is.GreaterThanOrEqualTo(2));
        });
    }

    [Test]
    public void Interrupt_DuringOneLongInversion_ExitsWithin2s()
    {
        var (code, elapsed) = RunAndInterrupt(
            ["--dataset", "synthetic", "--model", "lenet5", "--batch-size", "4", "--iterations", "1000000",
                "--restarts", "1",
             "--out", _dir], "invert", "true counts");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Interrupted));
            Assert.That(elapsed, Is.LessThan(Limit));
        });
    }

    [Test]
    public void Interrupt_BenchAfterARow_ExitsWithAnInterruptedReportHoldingIt()
    {
        string report = Path.Combine(_dir, "bench.json");
        var (code, _) = RunAndInterrupt(
            ["--rows", "restore-c1000-d2048,lenet5-c100-24", "--repeats", "1", "--trials", "1000000", "--report",
                report], "bench", "restore-c1000-d2048:");

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Interrupted));
            Assert.That(doc.RootElement.GetProperty("interrupted").GetBoolean(), Is.True);
            Assert.That(doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name")
                .GetString()), Is.EqualTo(new[] { "restore-c1000-d2048" }));
        });
    }

    /// <summary>Starts <c>ilrg verb args</c>, waits for <paramref name="readyLine"/> on its output, sends SIGINT, and
    /// returns the exit code and the time from the signal to the exit.</summary>
    private static (int Code, TimeSpan Elapsed) RunAndInterrupt(string[] args, string verb, string readyLine)
    {
        string cli = typeof(CommandLine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])[cli, verb, .. args])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains(readyLine, StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!ready.Task.Wait(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ilrg {verb} never printed '{readyLine}'");
        }

        using (var kill = Process.Start("kill",
            ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var clock = Stopwatch.StartNew();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the process did not end within 30 s of SIGINT");
        }

        return (process.ExitCode, clock.Elapsed);
    }
}
