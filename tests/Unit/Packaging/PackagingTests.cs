using System.Globalization;
using ILrg.Build;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Packaging;

/// <summary>
/// The library and the command are usable outside this repository: <c>dotnet pack</c> makes the ILrg package (with the
/// TorchSharp Debian-12 fix-up in buildTransitive/) and the ilrg .NET tool; a console project in a temporary folder
/// references the package and restores counts from plain arrays through <c>LabelAudit.Run</c>; the tool installs into a
/// temporary tool path and runs.
/// </summary>
/// <remarks>Packages get a version unique to the run, so the global packages folder never serves a stale copy; that
/// version is removed from it afterwards. Takes a few minutes (the tool carries libtorch, about 0.5 GB).</remarks>
[Category("Slow")]
[NonParallelizable]
public sealed class PackagingTests
{
    private const string GlibcxxVersion = "GLIBCXX_3.4.32";
    private const string HostLibstdcxx = "/lib/x86_64-linux-gnu/libstdc++.so.6";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    private static readonly int[] Truth = [3, 0, 5, 1, 0, 2];

    private string _root = null!;
    private string _feed = null!;
    private string _version = null!;

    [OneTimeSetUp]
    public void PackBoth()
    {
        _root = Directory.CreateTempSubdirectory("ilrg-packaging-").FullName;
        _feed = Path.Combine(_root, "feed");
        _version = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        string repository = RepositoryRoot();
        Pack(repository, "src/ILrg/ILrg.csproj");
        Pack(repository, "src/ILrg.Cli/ILrg.Cli.csproj");
    }

    [OneTimeTearDown]
    public void RemoveEverythingMade()
    {
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        if (_version is null)
        {
            return;
        }

        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in new[] { "ilrg", "ilrg.cli", "ilrg.cli.linux-x64" })
        {
            string cached = Path.Combine(packages, id, _version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }

            string idFolder = Path.Combine(packages, id);
            if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
            {
                Directory.Delete(idFolder);
            }
        }
    }

    [Test]
    public void Pack_Library_ShipsTheFixUpAsBuildTransitive()
    {
        string package = Path.Combine(_feed, $"ILrg.{_version}.nupkg");
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();

        Assert.That(entries, Is.SupersetOf(new[]
        {
            "buildTransitive/ILrg.targets", "buildTransitive/ElfVersionWeakener.cs", "lib/net10.0/ILrg.dll",
        }));
    }

    [Test]
    public void ConsumerOutsideTheRepository_ReferencingThePackage_RestoresCountsFromPlainArrays()
    {
        string project = Path.Combine(_root, "consumer");
        ConsumerProject.Write(project, _feed, _version, Truth);

        var build = DotnetCommand.Run(DotnetCommand.Dotnet, project, Limit, "build", "-c", "Release", "--nologo");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        string output = Path.Combine(project, "bin", "Release", "net10.0");
        var run = DotnetCommand.Run(DotnetCommand.Dotnet, project, Limit, Path.Combine(output, "Consumer.dll"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(run.Output, Does.Contain("counts " + string.Join(",", Truth)), run.Output);
            Assert.That(run.Output, Does.Contain("labels recoverable: 4 classes, certificate strong"), run.Output);
            if (HostLacksTheVersion())
            {
                string copy = Path.Combine(output, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
                Assert.That(ElfVersionWeakener.RequiresStrongly(copy, GlibcxxVersion), Is.False,
                    "the package's buildTransitive fix-up weakens the consumer's output copy");
                Assert.That(ElfVersionWeakener.RequiresStrongly(CachedTorchSharpLibrary(), GlibcxxVersion), Is.True,
                    "the NuGet cache's copy stays as shipped, although the output was hard-linked to it");
            }
        });
    }

    [Test]
    public void Tool_InstalledIntoAToolPath_RunsHelp()
    {
        string tools = Path.Combine(_root, "tools");
        var install = DotnetCommand.Run(DotnetCommand.Dotnet, _root, Limit,
            "tool", "install", "ILrg.Cli", "--tool-path", tools, "--add-source", _feed, "--version", _version);
        Assert.That(install.ExitCode, Is.Zero, install.Output);

        var help = DotnetCommand.Run(Path.Combine(tools, "ilrg"), _root, Limit, "--help");
        string[] native = Directory.GetFiles(tools, "libLibTorchSharp.so", SearchOption.AllDirectories);

        Assert.Multiple(() =>
        {
            Assert.That(help.ExitCode, Is.Zero, help.Output);
            Assert.That(help.Output, Does.Contain("Usage:").And.Contain("reproduce"), help.Output);
            Assert.That(native, Has.Length.EqualTo(1), "the tool carries linux-x64's libLibTorchSharp.so");
            Assert.That(native.All(f => !ElfVersionWeakener.RequiresStrongly(f, GlibcxxVersion)), Is.True,
                "the tool's copy is weakened whatever the packing host has, so it loads on Debian 12");
        });
    }

    private void Pack(string repository, string project)
    {
        // PublishDir keeps the tool's publish folder out of the repository; hard links keep libtorch's 0.5 GB from
        // being copied twice more (the fix-up replaces the linked file it patches, so the NuGet cache is not touched).
        string publish = Path.Combine(_root, "publish", Path.GetFileNameWithoutExtension(project));
        var pack = DotnetCommand.Run(DotnetCommand.Dotnet, repository, Limit,
            "pack", project, "-c", "Release", "--nologo", "-o", _feed, $"-p:PackageVersion={_version}",
            $"-p:PublishDir={publish}/", "-p:CreateHardLinksForCopyLocalIfPossible=true",
            "-p:CreateHardLinksForPublishFilesIfPossible=true");
        Assert.That(pack.ExitCode, Is.Zero, pack.Output);
        if (Directory.Exists(publish))
        {
            Directory.Delete(publish, recursive: true);
        }
    }

    private static string CachedTorchSharpLibrary() => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static bool HostLacksTheVersion() =>
        File.Exists(HostLibstdcxx) && !ElfVersionWeakener.LibraryMentions(HostLibstdcxx, GlibcxxVersion);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ILrg.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no ILrg.sln above {AppContext.BaseDirectory}");
    }
}
