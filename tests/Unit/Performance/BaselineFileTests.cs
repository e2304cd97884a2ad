using ILrg.Performance;
using ILrg.Reporting;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Performance;

public sealed class BaselineFileTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-baseline-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_dir, "old.json");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A bench report in the shape ilrg bench writes, with <paramref name="rows"/> as its rows.</summary>
    private static string Report(string tool, string rows) =>
        $$"""{"manifest": {"tool": "{{tool}}", "seed": 0}, "torchThreads": 2, "rows": {{rows}}}""";

    [Test]
    public void Read_BenchReport_MediansByNameAndThreads()
    {
        string path = Write(Report(
            "ilrg bench", """[{"name": "a", "medianMs": 1.5, "rawMs": [1.5]}, {"name": "b", "medianMs": 30}]"""));

        BaselineFile file = BaselineFile.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(file.MedianMs, Is.EqualTo(new Dictionary<string, double> { ["a"] = 1.5, ["b"] = 30 }));
            Assert.That(file.TorchThreads, Is.EqualTo(2));
        });
    }

    [Test]
    public void Read_AReportThisVersionWrote_RoundTrips()
    {
        var configuration = new BenchConfiguration(["tiny-restore"], false, null, 2, null);
        var row = new BenchRowResult(
            "tiny-restore", "d", BenchKind.Restoration, new RestorationShape(10, 16, 8, 3), "restorations", 2, 1,
            4.5, 4, 5, 5 / 4.5, new Dictionary<string, double> { ["restore"] = 4.5 }, [4, 5], [9],
            new MemoryReading(100, 120, null), null, null, "—", null, 0.1, 0.5);
        string path = Path.Combine(_dir, "bench.json");
        ResultJson.Write(path, BenchReport.Create(configuration, [row], [], DateTimeOffset.UtcNow));

        BaselineFile file = BaselineFile.Read(path);

        Assert.That(file.MedianMs, Is.EqualTo(new Dictionary<string, double> { ["tiny-restore"] = 4.5 }));
    }

    [Test]
    public void Read_NoSuchFile_FileNotFoundNamingIt()
    {
        string path = Path.Combine(_dir, "absent.json");

        var e = Assert.Throws<FileNotFoundException>(() => BaselineFile.Read(path))!;

        Assert.That(e.Message, Does.Contain(path));
    }

    [TestCase("{\"manifest\": ")]
    [TestCase("not json at all")]
    public void Read_NotJson_InvalidData(string text)
    {
        Assert.Throws<InvalidDataException>(() => BaselineFile.Read(Write(text)));
    }

    [Test]
    public void Read_ReportOfAnotherVerb_InvalidDataNamingIt()
    {
        var e = Assert.Throws<InvalidDataException>(
            () => BaselineFile.Read(Write(Report("ilrg run", "[]"))))!;

        Assert.That(e.Message, Does.Contain("'ilrg run'").And.Contain("ilrg bench"));
    }

    [TestCase("{\"rows\": []}")]
    [TestCase("[1, 2]")]
    public void Read_NoManifest_InvalidData(string text)
    {
        Assert.Throws<InvalidDataException>(() => BaselineFile.Read(Write(text)));
    }

    [TestCase("{}")]
    [TestCase("[{\"name\": \"a\"}]")]
    [TestCase("[{\"name\": \"a\", \"medianMs\": 0}]")]
    [TestCase("[{\"name\": \"a\", \"medianMs\": \"fast\"}]")]
    [TestCase("[{\"medianMs\": 3}]")]
    [TestCase("[{\"name\": \"a\", \"medianMs\": 3}, {\"name\": \"a\", \"medianMs\": 4}]")]
    public void Read_RowsMissingOrMalformed_InvalidData(string rows)
    {
        Assert.Throws<InvalidDataException>(() => BaselineFile.Read(Write(Report("ilrg bench", rows))));
    }
}
