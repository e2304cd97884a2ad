using ILrg.Interop;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Interop;

/// <summary>The strict safetensors reader on hand-made files: byte ranges must tile the data exactly.</summary>
public sealed class SafetensorsReaderTests
{
    [Test]
    public void Read_SmallFile_TensorsInDataOrderWithValues()
    {
        StateDict state = StateDictReader.Read(InteropBytes.SmallSafetensors(), "s.safetensors");

        Assert.That(state.Names, Is.EqualTo(new[] { "layer.bias", "layer.weight" }));
        Assert.That(state["layer.weight"].ToDoubles(), Is.EqualTo(new double[] { 1, -2, 3, -4, 5, -6 }));
    }

    private static IEnumerable<TestCaseData> BadHeaders()
    {
        const string W = "\"w\":{\"dtype\":\"F32\",\"shape\":[2],";
        yield return new TestCaseData("{" + W + "\"data_offsets\":[4,12]}}", 12, "gap");
        yield return new TestCaseData(
            "{" + W + "\"data_offsets\":[0,8]},\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
            "overlaps");
        yield return new TestCaseData("{" + W + "\"data_offsets\":[0,8]}}", 12, "trailing bytes");
        yield return new TestCaseData("{" + W + "\"data_offsets\":[0,12]}}", 12, "needs 8");
        yield return new TestCaseData("{" + W + "\"data_offsets\":[0,8]},\"w\":{}}", 8, "twice");
        yield return new TestCaseData("{" + W + "\"data_offsets\":[0,8],\"extra\":1}}", 8, "unexpected");
        yield return new TestCaseData("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8, "needs dtype, shape");
        yield return new TestCaseData(
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8, "negative");
        yield return new TestCaseData(
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[1048576,1048576],\"data_offsets\":[0,8]}}", 8, "size cap");
        yield return new TestCaseData("{" + W + "\"data_offsets\":[0,8]}", 8, "not valid JSON");
        yield return new TestCaseData("[1,2]", 8, "StartObject");
        yield return new TestCaseData("{\"__metadata__\":{\"a\":1}}", 0, "__metadata__");
    }

    [TestCaseSource(nameof(BadHeaders))]
    public void Read_BadHeader_InvalidDataSayingWhy(string header, int dataBytes, string why)
    {
        byte[] bytes = InteropBytes.Safetensors(header, new byte[dataBytes]);

        var e = Assert.Throws<InvalidDataException>(() => SafetensorsReader.Read(bytes, "bad.safetensors"));

        Assert.That(e!.Message, Does.StartWith("bad.safetensors").And.Contain(why));
    }

    [Test]
    public void Read_HeaderLengthBeyondTheFile_InvalidDataTruncated()
    {
        byte[] bytes = InteropBytes.SmallSafetensors();
        bytes[0] = 0xff; // 255 + ... bytes of header: more than the file holds
        bytes[1] = 0x7f;

        var e = Assert.Throws<InvalidDataException>(() => SafetensorsReader.Read(bytes, "t.safetensors"));

        Assert.That(e!.Message, Does.Contain("truncated"));
    }
}
