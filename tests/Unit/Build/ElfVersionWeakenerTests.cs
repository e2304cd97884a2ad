using System.Buffers.Binary;
using System.Text;
using ILrg.Build;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Build;

/// <summary>The ELF "version needed" patch that lets TorchSharp load on Debian 12 (README, "TorchSharp on Debian
/// 12").</summary>
public sealed class ElfVersionWeakenerTests
{
    private const string Version = "GLIBCXX_3.4.32";
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-elf-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Weaken_StrongEntry_SetsOnlyTheWeakFlagOfThatEntry()
    {
        string path = Write(SyntheticElf.Build(("libstdc++.so.6", ["GLIBCXX_3.4", Version]),
            ("libc.so.6", ["GLIBC_2.2.5"])));
        byte[] before = File.ReadAllBytes(path);

        ElfPatchOutcome outcome = ElfVersionWeakener.Weaken(path, Version);

        byte[] after = File.ReadAllBytes(path);
        int flagOffset = ElfVersionWeakener.FindVernauxFlagOffsets(before, Version).Single();
        int[] changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(ElfPatchOutcome.Patched));
            Assert.That(changed, Is.EqualTo(new[] { flagOffset }));
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(after.AsSpan(flagOffset)) & 0x2, Is.EqualTo(0x2));
            Assert.That(ElfVersionWeakener.RequiresStrongly(path, Version), Is.False);
            Assert.That(ElfVersionWeakener.RequiresStrongly(path, "GLIBCXX_3.4"), Is.True);
        });
    }

    [Test]
    public void Weaken_SecondRun_IsIdempotentAndDoesNotRewrite()
    {
        string path = Write(SyntheticElf.Build(("libstdc++.so.6", [Version])));
        ElfVersionWeakener.Weaken(path, Version);
        byte[] once = File.ReadAllBytes(path);

        ElfPatchOutcome outcome = ElfVersionWeakener.Weaken(path, Version);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(ElfPatchOutcome.AlreadyWeak));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(once));
        });
    }

    [Test]
    public void Weaken_VersionNotRequired_LeavesFileUntouched()
    {
        string path = Write(SyntheticElf.Build(("libc.so.6", ["GLIBC_2.2.5"])));
        byte[] before = File.ReadAllBytes(path);

        ElfPatchOutcome outcome = ElfVersionWeakener.Weaken(path, Version);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(ElfPatchOutcome.NotRequired));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        });
    }

    [Test]
    public void Weaken_NotAnElfFile_ThrowsInvalidData()
    {
        string path = Write(Encoding.ASCII.GetBytes("#!/bin/sh\necho not an ELF file, just long enough to pass the " +
                                                    "size check....\n"));

        Assert.That(() => ElfVersionWeakener.Weaken(path, Version), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void Weaken_TruncatedSectionTable_ThrowsInvalidData()
    {
        byte[] elf = SyntheticElf.Build(("libstdc++.so.6", [Version]));
        string path = Write(elf.AsSpan(0, elf.Length - 40).ToArray());

        Assert.That(() => ElfVersionWeakener.Weaken(path, Version), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void BuildOutputCopy_OnHostWithoutTheVersion_IsWeakenedWhileTheNuGetCacheCopyIsNot()
    {
        string host = "/lib/x86_64-linux-gnu/libstdc++.so.6";
        if (!File.Exists(host) || ElfVersionWeakener.LibraryMentions(host, Version))
        {
            Assert.Ignore($"{host} provides {Version}: the build leaves TorchSharp as shipped, nothing to check.");
        }

        string output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native",
            "libLibTorchSharp.so");
        string cache = Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        Assert.Multiple(() =>
        {
            Assert.That(ElfVersionWeakener.RequiresStrongly(output, Version), Is.False, "build output copy");
            if (File.Exists(cache))
            {
                Assert.That(ElfVersionWeakener.RequiresStrongly(cache, Version), Is.True,
                    "NuGet cache must stay as shipped");
            }
        });
    }

    private string Write(byte[] bytes)
    {
        string path = Path.Combine(_dir, "lib.so");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
