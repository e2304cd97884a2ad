using System.Buffers.Binary;
using ILrg.Interop;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Interop;

/// <summary>The strict .npy parser: what NumPy writes is read, everything else is one clear
/// InvalidDataException.</summary>
public sealed class NpyReaderTests
{
    private const string F4 = "'descr': '<f4', 'fortran_order': False";

    [Test]
    public void Parse_Float32Matrix_ShapeAndRowMajorValues()
    {
        StateTensor t = NpyReader.Parse(InteropBytes.NpyFloat32([2, 3], 1, 2, 3, 4, 5, 6), "a.npy", "a");

        Assert.That(t.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(t.ToDoubles(), Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void Parse_FortranOrder_TransposedIntoRowMajor()
    {
        // Column-major storage of [[1, 2, 3], [4, 5, 6]] is 1, 4, 2, 5, 3, 6.
        byte[] npy = InteropBytes.Npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
            InteropBytes.Floats(1, 4, 2, 5, 3, 6));

        Assert.That(NpyReader.Parse(npy, "f.npy", "f").ToDoubles(), Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
    }

    [TestCase(2)]
    [TestCase(3)]
    public void Parse_Versions2And3_Read(int major)
    {
        byte[] npy = InteropBytes.Npy($"{{{F4}, 'shape': (2,), }}", InteropBytes.Floats(7, 8), major);

        Assert.That(NpyReader.Parse(npy, "v.npy", "v").ToDoubles(), Is.EqualTo(new double[] { 7, 8 }));
    }

    [Test]
    public void Parse_ScalarAndInt64_Read()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(data, -5);
        byte[] npy = InteropBytes.Npy("{'descr': '<i8', 'fortran_order': False, 'shape': (), }", data);

        StateTensor t = NpyReader.Parse(npy, "s.npy", "s");

        Assert.That((t.Rank, t.DType, t.ToDoubles()[0]), Is.EqualTo((0, TensorDType.Int64, -5.0)));
    }

    [Test]
    public void Read_TheParityFixturesLabelsAndImages_ShapesAsTheirReadmeSays()
    {
        StateTensor labels = NpyReader.Read(InteropFixtures.IgParity("a", "labels.npy"));
        StateTensor images = NpyReader.Read(InteropFixtures.IgParity("a", "images.npy"));

        Assert.That(labels.Shape, Is.EqualTo(new long[] { 50 }));
        Assert.That(images.Shape, Is.EqualTo(new long[] { 50, 1, 28, 28 }));
        Assert.That(images.ToDoubles().All(v => v is >= 0 and <= 1), Is.True);
    }

    private static IEnumerable<TestCaseData> BadHeaders()
    {
        yield return new TestCaseData("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", "big-endian");
        yield return new TestCaseData("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", "unpickling");
        yield return new TestCaseData("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", "element type");
        yield return new TestCaseData("{'descr': '<f4', 'shape': (2,), }", "lacks");
        yield return new TestCaseData($"{{{F4}, 'shape': (2,), 'shape': (2,), }}", "twice");
        yield return new TestCaseData($"{{{F4}, 'shape': (2,), 'extra': 1, }}", "unexpected key");
        yield return new TestCaseData($"{{{F4}, 'shape': (2), }}", "1-tuple");
        yield return new TestCaseData($"{{{F4}, 'shape': (-2,), }}", "non-negative");
        yield return new TestCaseData($"{{{F4}, 'shape': (99999999999999999999,), }}", "too large");
        yield return new TestCaseData("{'descr': '<f4', 'fortran_order': maybe, 'shape': (2,), }", "True nor False");
        yield return new TestCaseData($"{{{F4}, 'shape': (2,), }} junk", "after the closing brace");
        yield return new TestCaseData($"[{F4}]", "'{'");
    }

    [TestCaseSource(nameof(BadHeaders))]
    public void Parse_BadHeader_InvalidDataSayingWhy(string header, string why)
    {
        byte[] npy = InteropBytes.Npy(header, InteropBytes.Floats(1, 2));

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Parse(npy, "bad.npy", "w"));

        Assert.That(e!.Message, Does.StartWith("bad.npy").And.Contain("'w'").And.Contain(why));
    }

    [Test]
    public void Parse_MoreElementsThanTheBytesHold_InvalidDataTruncated()
    {
        byte[] npy = InteropBytes.Npy($"{{{F4}, 'shape': (3,), }}", InteropBytes.Floats(1, 2));

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Parse(npy, "t.npy", "t"));

        Assert.That(e!.Message, Does.Contain("truncated").And.Contain("needs 12 data bytes"));
    }

    [Test]
    public void Parse_TrailingBytes_InvalidData()
    {
        byte[] npy = InteropBytes.Npy($"{{{F4}, 'shape': (1,), }}", InteropBytes.Floats(1, 2));

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Parse(npy, "t.npy", "t"));

        Assert.That(e!.Message, Does.Contain("trailing bytes"));
    }

    [Test]
    public void Parse_ShapeOverTheElementCap_InvalidDataNamingTheCap()
    {
        byte[] npy = InteropBytes.Npy($"{{{F4}, 'shape': (1048576, 1048576), }}", []);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Parse(npy, "huge.npy", "h"));

        Assert.That(e!.Message, Does.Contain("size cap"));
    }

    [Test]
    public void Parse_ShapeWhoseProductOverflows_InvalidData()
    {
        byte[] npy = InteropBytes.Npy($"{{{F4}, 'shape': (4294967296, 4294967296, 4294967296), }}", []);

        Assert.Throws<InvalidDataException>(() => NpyReader.Parse(npy, "o.npy", "o"));
    }

    [Test]
    public void Parse_WrongMagicOrVersion_InvalidData()
    {
        byte[] npy = InteropBytes.NpyFloat32([1], 1);
        byte[] magic = [.. npy];
        magic[1] = (byte)'X';
        byte[] version = [.. npy];
        version[6] = 4;

        Assert.Throws<InvalidDataException>(() => NpyReader.Parse(magic, "m.npy", "m"));
        Assert.That(Assert.Throws<InvalidDataException>(() => NpyReader.Parse(version, "v.npy", "v"))!.Message,
            Does.Contain("version 4.0"));
    }

    [Test]
    public void Parse_HeaderLengthBeyondTheFile_InvalidDataTruncated()
    {
        byte[] npy = InteropBytes.NpyFloat32([1], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(npy.AsSpan(8), 60000);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Parse(npy, "h.npy", "h"));

        Assert.That(e!.Message, Does.Contain("truncated"));
    }
}
