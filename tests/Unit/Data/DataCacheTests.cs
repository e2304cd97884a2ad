using ILrg.Data;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Data;

public sealed class DataCacheTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-cache-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void WithLock_FreeLock_RunsTheActionWithoutALine()
    {
        var lines = new List<string>();

        int result = DataCache.WithLock(_dir, "x", () => 42, lines.Add, "testing");

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(lines, Is.Empty);
        });
    }

    [Test]
    public void WithLock_HeldPastTheTimeout_ReportsEnvironmentMissingNamingTheLock()
    {
        using var held = new FileStream(
            Path.Combine(_dir, "x.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var lines = new List<string>();

        Assert.Multiple(() =>
        {
            Assert.That(
                () => DataCache.WithLock(_dir, "x", () => 1, lines.Add, "testing", TimeSpan.FromMilliseconds(500)),
                Throws.TypeOf<EnvironmentMissingException>()
                    .With.Message.Contains("x.lock").And.Message.Contains("gave up"));
            Assert.That(lines, Has.Count.EqualTo(1), "one waiting line, however long the wait");
        });
    }
}
