using System.Diagnostics;
using ILrg.Cli;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// The <c>--html</c> page of <c>ilrg audit</c> in a real headless browser (Debian's chromium, the same flags as
/// docs/audit-html-check.sh): its rendered DOM holds the verdict, the tables and the chart, and a screenshot is drawn.
/// Inconclusive where chromium is not installed (CI does not install it); about 3 s where it is.
/// </summary>
public sealed class AuditHtmlBrowserTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-audit-browser-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Chromium_AuditPage_RendersTheVerdictTablesAndChart()
    {
        string browser = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
                         ?? "";
        if (browser.Length == 0)
        {
            Assert.Inconclusive(
                "chromium is not installed (apt-get install -y chromium); see docs/audit-html-check.sh");
        }

        string page = Path.Combine(_dir, "audit.html");
        using var error = new StringWriter();
        int code = CommandLine.Run(
            ["audit", "--model-state", InteropFixtures.Interop("cnn", "model.pt"),
             "--gradients", InteropFixtures.Interop("cnn", "fedsgd-grads.pt"), "--batch-size", "24", "--html", page],
            TextWriter.Null, error);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());

        string dom = Chromium(browser, "--dump-dom", page);
        string screenshot = Path.Combine(_dir, "audit.png");
        _ = Chromium(browser, $"--screenshot={screenshot} --window-size=1280,1600", page);

        Assert.Multiple(() =>
        {
            Assert.That(dom, Does.Contain("labels recoverable: 10 classes, certificate strong"));
            Assert.That(dom, Does.Contain("id=\"counts\"").And.Contain("id=\"certificate\"").And.Contain("<svg"));
            Assert.That(File.Exists(screenshot) ? new FileInfo(screenshot).Length : 0, Is.GreaterThan(10_000));
        });
    }

    private string Chromium(string browser, string what, string page)
    {
        string profile = Directory.CreateTempSubdirectory("ilrg-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = _dir,
            };
            foreach (string arg in (
                         "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run " +
                         "--disable-background-networking --disable-component-update --disable-sync " +
                         "--disable-extensions --hide-scrollbars " + what).Split(' '))
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add($"--user-data-dir={profile}");
            start.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using Process process = Process.Start(start)!;
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 60 s");
            }

            _ = stderr.Result;
            return stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
