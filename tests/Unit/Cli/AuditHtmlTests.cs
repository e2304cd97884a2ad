using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ILrg.Cli;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Cli;

/// <summary>
/// The <c>--html</c> page of <c>ilrg audit</c> without a browser: well-formed (it parses as XML), self-contained (no
/// script, stylesheet link, image source or URL to fetch) and holding each method's counts, the chart, the
/// certificate and the inputs' checksums. docs/audit-html-check.sh checks it in a real headless browser.
/// </summary>
public sealed class AuditHtmlTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-audit-html-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Html_CnnAudit_IsWellFormedSelfContainedAndHoldsEachMethodsCounts()
    {
        (string html, JsonElement report) = Write("--batch-size", "24");

        XElement root = XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal)).Root!;
        XElement counts = root.Descendants("table").Single(t => (string?)t.Attribute("id") == "counts");
        var rows = counts.Elements("tr").Skip(1).ToDictionary(
            r => r.Elements("td").First().Value.Replace(" (presence)", "", StringComparison.Ordinal),
            r => r.Elements("td").Skip(1).Select(td => td.Value).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(Regex.IsMatch(html, "<script|<link|<img|<iframe|src=|href=|url\\(|@import",
                RegexOptions.IgnoreCase), Is.False, "nothing is fetched");
            Assert.That(Regex.Matches(html, "https?://").Select(m => html.Substring(m.Index, 26)),
                Is.All.EqualTo("http://www.w3.org/2000/svg"), "the only URL is the SVG namespace, never fetched");
            Assert.That(root.Descendants("style").Count(), Is.EqualTo(1));
            Assert.That(root.Descendants().Single(e => e.Name.LocalName == "svg").Descendants()
                .Count(e => e.Name.LocalName == "rect"), Is.GreaterThan(10));
            Assert.That((string?)root.Descendants("div").First(d => (string?)d.Attribute("id") == "verdict"),
                Is.EqualTo(report.GetProperty("verdict").GetString()));
            foreach (JsonElement method in report.GetProperty("methods").EnumerateArray())
            {
                string name = method.GetProperty("method").GetString()!;
                Assert.That(rows.ContainsKey(name), Is.True, $"no row for {name}");
                string[] expected =
                    [.. method.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32().ToString())];
                Assert.That(rows[name].Take(expected.Length), Is.EqualTo(expected), name);
            }

            Assert.That(html, Does.Contain(report.GetProperty("inputs")[1].GetProperty("sha256").GetString()));
            Assert.That(root.Descendants("table").Any(t => (string?)t.Attribute("id") == "certificate"), Is.True);
        });
    }

    [Test]
    public void Html_FedAvgRange_NamesTheApproximationAndTheScan()
    {
        (string html, _) = Write("--batch-size", "20..28", "--after", InteropFixtures.Interop("cnn", "fedavg-after.pt"),
            "--local-lr", "0.05", "--local-steps", "3");

        XElement root = XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal)).Root!;
        Assert.Multiple(() =>
        {
            Assert.That(root.Descendants("table").Any(t => (string?)t.Attribute("id") == "scan"), Is.True);
            Assert.That(html, Does.Contain("FedAvg, approximated"));
            Assert.That(html, Does.Contain("most consistent N = 24"));
        });
    }

    private (string Html, JsonElement Report) Write(params string[] args)
    {
        string page = Path.Combine(_dir, "audit.html");
        string report = Path.Combine(_dir, "audit.json");
        string[] update = args.Contains("--after")
            ? []
            : ["--gradients", InteropFixtures.Interop("cnn", "fedsgd-grads.pt")];
        using var error = new StringWriter();

        int code = CommandLine.Run(
            ["audit", "--model-state", InteropFixtures.Interop("cnn", "model.pt"), .. update, .. args, "--html", page,
             "--report", report], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(report));
        return (File.ReadAllText(page), doc.RootElement.Clone());
    }
}
