using ILrg.Interop;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Interop;

/// <summary>Truncated, flipped and padded copies of the real fixtures: each is one InvalidDataException naming the
/// file.</summary>
public sealed class DamagedFileTests
{
    private static readonly string[] Files =
        ["fcn/model.pt", "fcn/model.npz", "fcn/model.safetensors", "cnn/fedsgd-grads.pt", "cnn/fedsgd-grads.npz"];

    private static IEnumerable<TestCaseData> Truncations()
    {
        foreach (string file in Files)
        {
            foreach (double fraction in new[] { 0.0, 0.001, 0.25, 0.5, 0.9, 0.9999 })
            {
                yield return new TestCaseData(file, fraction).SetName($"Read_TruncatedAt{fraction:P2}_{file}");
            }
        }
    }

    [TestCaseSource(nameof(Truncations))]
    public void Read_Truncated_InvalidDataNamingTheFile(string file, double fraction)
    {
        byte[] bytes = Bytes(file);
        byte[] cut = bytes[..(int)(bytes.Length * fraction)];

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(cut, file));

        Assert.That(e!.Message, Does.StartWith(file));
    }

    [TestCase("fcn/model.pt")]
    [TestCase("fcn/model.npz")]
    [TestCase("fcn/model.safetensors")]
    public void Read_TrailingBytes_InvalidData(string file)
    {
        byte[] bytes = [.. Bytes(file), 0, 0, 0, 0];

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(bytes, file));

        Assert.That(e!.Message, Does.StartWith(file).And.Contain("trailing"));
    }

    [TestCase("fcn/model.pt")]
    [TestCase("fcn/model.npz")]
    public void Read_FlippedByteInTheWeights_InvalidDataFromTheCrc(string file)
    {
        byte[] bytes = Bytes(file);
        bytes[bytes.Length / 2] ^= 0x5a; // inside the 64×784 weight, the bulk of the file

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(bytes, file));

        Assert.That(e!.Message, Does.StartWith(file).And.Contain("CRC-32"));
    }

    [Test]
    public void Read_SafetensorsWithAShapeDigitChanged_InvalidData()
    {
        byte[] bytes = Bytes("fcn/model.safetensors");
        int at = IndexOf(bytes, "[10,64]"u8.ToArray());
        bytes[at + 4] = (byte)'5'; // [10,54]: the byte range no longer fits the shape

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(bytes, "m.safetensors"));

        Assert.That(e!.Message, Does.Contain("fc.weight"));
    }

    [Test]
    public void Read_SafetensorsWithAnUnknownDtype_InvalidDataListingTheAcceptedOnes()
    {
        byte[] bytes = Bytes("fcn/model.safetensors");
        int at = IndexOf(bytes, "\"F32\""u8.ToArray());
        bytes[at + 3] = (byte)'4'; // "F34"

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(bytes, "m.safetensors"));

        Assert.That(e!.Message, Does.Contain("F34").And.Contain("BF16"));
    }

    [Test]
    public void Read_NpzWithADuplicateKey_InvalidDataNamingIt()
    {
        byte[] npz = InteropBytes.Zip(
            ("w.npy", InteropBytes.NpyFloat32([1], 1)), ("w.npy", InteropBytes.NpyFloat32([1], 2)));

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(npz, "dup.npz"));

        Assert.That(e!.Message, Does.StartWith("dup.npz").And.Contain("'w.npy' twice"));
    }

    [Test]
    public void Read_NpzEntryRenamedInTheDirectoryOnly_InvalidData()
    {
        byte[] npz = InteropBytes.SmallNpz();
        int directory = npz.AsSpan().LastIndexOf("layer.bias.npy"u8);
        npz[directory] = (byte)'p'; // "payer.bias.npy" in the central directory; the CRC does not cover names

        var e = Assert.Throws<InvalidDataException>(() => StateDictReader.Read(npz, "renamed.npz"));

        Assert.That(e!.Message, Does.Contain("payer.bias.npy"));
    }

    [TestCase("cnn-grads-nan.pt")]
    [TestCase("cnn-grads-nan.npz")]
    public void Build_GradientWithNaN_InvalidDataNamingFileKeyAndIndex(string file)
    {
        StateDict model = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));
        string path = InteropFixtures.Interop("bad", file);
        StateDict grads = StateDictReader.Read(path);

        var e = Assert.Throws<InvalidDataException>(
            () => ExternalObservations.Build(model, ExternalUpdate.Gradients(grads), 24));

        Assert.That(e!.Message, Does.StartWith(path).And.Contain("head.4.weight").And.Contain("NaN")
            .And.Contain("flat index 197"));
    }

    [TestCase("cnn-grads-renamed-key.pt")]
    [TestCase("cnn-grads-renamed-key.npz")]
    public void Build_RenamedKey_InvalidDataNamingTheMissingAndTheExtraKey(string file)
    {
        StateDict model = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));
        string path = InteropFixtures.Interop("bad", file);
        StateDict grads = StateDictReader.Read(path);

        var e = Assert.Throws<InvalidDataException>(
            () => ExternalObservations.Build(model, ExternalUpdate.Gradients(grads), 24));

        Assert.That(e!.Message, Does.StartWith(path)
            .And.Contain("missing (in the model, not in the update): head.1.bias;")
            .And.Contain("extra (in the update, not in the model): head.1.bias_renamed"));
    }

    [TestCase("cnn-grads-wrong-shape.pt")]
    [TestCase("cnn-grads-wrong-shape.npz")]
    public void Build_WrongShape_InvalidDataNamingTheKeyAndBothShapes(string file)
    {
        StateDict model = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));
        string path = InteropFixtures.Interop("bad", file);
        StateDict grads = StateDictReader.Read(path);

        var e = Assert.Throws<InvalidDataException>(
            () => ExternalObservations.Build(model, ExternalUpdate.Gradients(grads), 24));

        Assert.That(e!.Message,
            Does.StartWith(path).And.Contain("'head.4.weight' is 10×64 in the model state but 10×60"));
    }

    private static byte[] Bytes(string file) =>
        File.ReadAllBytes(InteropFixtures.Interop([.. file.Split('/')]));

    private static int IndexOf(byte[] bytes, byte[] pattern)
    {
        int at = bytes.AsSpan().IndexOf(pattern);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "pattern not found in the fixture");
        return at;
    }
}
