using ILrg.Reporting;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Reporting;

public sealed class ReportFileTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-report-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void WriteAllText_NewSubfolder_CreatesItAndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(_dir, "a", "b", "r.json");

        ReportFile.WriteAllText(path, "{}");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("{}"));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void WriteAllText_ExistingFile_IsReplacedWhole()
    {
        string path = Path.Combine(_dir, "r.json");
        File.WriteAllText(path, new string('x', 1000));

        ReportFile.WriteAllText(path, "new");

        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
    }

    [Test]
    public void CheckWritable_PathIsAFolder_ThrowsSayingSo()
    {
        var ex = Assert.Throws<IOException>(() => ReportFile.CheckWritable(_dir));

        Assert.That(ex!.Message, Does.Contain("folder"));
    }

    [Test]
    public void CheckFolderWritable_PathIsAFile_ThrowsSayingSo()
    {
        string file = Path.Combine(_dir, "f");
        File.WriteAllText(file, "");

        Assert.Throws<IOException>(() => ReportFile.CheckFolderWritable(file));
    }

    [Test]
    public void CheckWritable_FolderCannotBeCreated_ThrowsNamingThePath()
    {
        string file = Path.Combine(_dir, "f");
        File.WriteAllText(file, "");

        var ex = Assert.Throws<IOException>(() => ReportFile.CheckWritable(Path.Combine(file, "r.json")));

        Assert.That(ex!.Message, Does.Contain(file));
    }
}
