using System.IO.Compression;
using ILrg.Interop;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Interop;

/// <summary>Format detection from the bytes, and one clear error for every file that is not an accepted state
/// dict.</summary>
public sealed class StateDictFormatsTests
{
    [TestCase("fcn", "model.pt", StateDictFormat.PyTorchZip)]
    [TestCase("cnn", "fedsgd-grads.npz", StateDictFormat.NumpyNpz)]
    [TestCase("fcn", "fedsgd-grads.safetensors", StateDictFormat.Safetensors)]
    public void Detect_Fixture_Format(string model, string file, StateDictFormat expected)
    {
        byte[] bytes = File.ReadAllBytes(InteropFixtures.Interop(model, file));

        Assert.That(StateDictFormats.Detect(bytes, file), Is.EqualTo(expected));
    }

    [Test]
    public void Read_TorchZipWhoseFirstEntryIsNotDataPkl_StillReadAsPyTorch()
    {
        using var original = new ZipArchive(
            File.OpenRead(InteropFixtures.Interop("layouts", "layouts.pt")), ZipArchiveMode.Read);
        var entries = original.Entries.Select(e => (e.FullName, Data: ReadAll(e))).ToList();
        byte[] reordered = InteropBytes.Zip(
            [.. entries.OrderBy(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal))]);

        StateDict state = StateDictReader.Read(reordered, "reordered.pt");

        Assert.That(state.Format, Is.EqualTo(StateDictFormat.PyTorchZip));
        Assert.That(state["offset_view"].ToDoubles(), Is.EqualTo(new[] { 1.0, 1.5, 2.0 }));
    }

    [Test]
    public void Read_LegacyPyTorchPickle_InvalidDataSayingHowToResave()
    {
        string path = InteropFixtures.Interop("bad", "legacy-format.pt");

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(path));

        Assert.That(e!.Message, Does.StartWith(path).And.Contain("legacy").And.Contain("torch.save"));
    }

    [Test]
    public void Read_WholePickledModule_InvalidDataAskingForTheStateDict()
    {
        string path = InteropFixtures.Interop("bad", "whole-module.pt");

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(path));

        Assert.That(e!.Message, Does.StartWith(path).And.Contain("state_dict()"));
    }

    [Test]
    public void Read_NestedCheckpointDict_InvalidDataNamingTheKey()
    {
        string path = InteropFixtures.Interop("bad", "nested-checkpoint.pt");

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(path));

        Assert.That(e!.Message, Does.StartWith(path).And.Contain("not a tensor"));
    }

    [Test]
    public void Read_RawPickle_InvalidDataListingTheAcceptedFormats()
    {
        byte[] pickle = [0x80, 0x04, 0x95, 0x05, 0, 0, 0, 0, 0, 0, 0, 0x4b, 0x01, 0x2e];

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(pickle, "raw.pkl"));

        Assert.That(e!.Message, Does.StartWith("raw.pkl").And.Contain("pickle").And.Contain("safetensors"));
    }

    [Test]
    public void Read_BareNpyArray_InvalidDataSuggestingSavez()
    {
        byte[] npy = InteropBytes.NpyFloat32([2], 1, 2);

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(npy, "one.npy"));

        Assert.That(e!.Message, Does.Contain("numpy.savez"));
    }

    [Test]
    public void Read_EmptyZip_InvalidData()
    {
        byte[] empty = InteropBytes.Zip();

        Assert.Throws<InvalidDataException>(() => StateDictReader.Read(empty, "empty.zip"));
    }

    [Test]
    public void Read_ZipOfOtherFiles_InvalidDataNamingTheEntry()
    {
        byte[] zip = InteropBytes.Zip(("readme.txt", "hello"u8.ToArray()));

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(zip, "other.zip"));

        Assert.That(e!.Message, Does.Contain("readme.txt"));
    }

    [Test]
    public void Read_UnknownBytes_InvalidDataListingTheAcceptedFormats()
    {
        byte[] text = "just some text, not weights"u8.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(text, "notes.pt"));

        Assert.That(e!.Message, Does.StartWith("notes.pt").And.Contain("not a recognised").And.Contain(".npz"));
    }

    [Test]
    public void Read_EmptyFile_InvalidData()
    {
        Assert.Throws<InvalidDataException>(() => StateDictReader.Read([], "empty.pt"));
    }

    [Test]
    public void Read_MissingFile_FileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => StateDictReader.Read("/nonexistent/grads.pt"));
    }

    [Test]
    public void Read_FileOverTheCap_InvalidDataBeforeReading()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ilrg-interop-{Guid.NewGuid():N}.pt");
        using (var f = File.Create(path))
        {
            f.SetLength(InteropLimits.MaxFileBytes + 1); // sparse: no gigabyte is written
        }

        try
        {
            var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(path));
            Assert.That(e!.Message, Does.StartWith(path).And.Contain("cap"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using Stream s = entry.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }
}
