using ILrg.Data;
using NUnit.Framework;
using SkiaSharp;

namespace ILrg.Tests.Unit.Data;

/// <summary>PNG/JPEG decoding is complete or refused, and bounded before any pixel memory is allocated (issue
/// 9).</summary>
public sealed class StrictImageDecoderTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("ilrg-img-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    /// <summary>A noisy image, so that JPEG and PNG data are not trivially short.</summary>
    internal static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(5);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                var color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                bitmap.SetPixel(x, y, color);
            }
        }

        using SKData data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG whose IHDR declares <paramref name="width"/>×<paramref name="height"/> with a valid
    /// CRC.</summary>
    internal static byte[] ForgedPngHeader(int width, int height)
    {
        byte[] png = Encode(8, 8, SKEncodedImageFormat.Png);
        WriteBigEndian(png, 16, (uint)width);
        WriteBigEndian(png, 20, (uint)height);
        WriteBigEndian(png, 29, Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [TestCase(SKEncodedImageFormat.Png, "a.png")]
    [TestCase(SKEncodedImageFormat.Jpeg, "a.jpg")]
    public void Decode_WholeFile_GivesItsSize(SKEncodedImageFormat format, string name)
    {
        string path = Write(name, Encode(40, 30, format));

        using SKBitmap bitmap = StrictImageDecoder.Decode(path);

        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((40, 30)));
    }

    [TestCase(SKEncodedImageFormat.Png, "third.png")]
    [TestCase(SKEncodedImageFormat.Jpeg, "third.jpg")]
    public void Decode_FileCutToAThird_ThrowsNamingTheFile(SKEncodedImageFormat format, string name)
    {
        byte[] whole = Encode(300, 300, format);
        string path = Write(name, whole[..(whole.Length / 3)]);

        Assert.That(() => StrictImageDecoder.Decode(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains(name).And.Message.Contains("truncated"));
    }

    [TestCase(SKEncodedImageFormat.Png, "tail.png")]
    [TestCase(SKEncodedImageFormat.Jpeg, "tail.jpg")]
    public void Decode_TrailingBytes_Throws(SKEncodedImageFormat format, string name)
    {
        string path = Write(name, [.. Encode(20, 20, format), 1, 2, 3]);

        Assert.That(() => StrictImageDecoder.Decode(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("bytes after the image"));
    }

    [Test]
    public void Decode_Wide40000x1Png_RefusedBeforeResizing()
    {
        using var wide = new SKBitmap(40000, 1);
        wide.Erase(SKColors.Red);
        using SKData data = wide.Encode(SKEncodedImageFormat.Png, 100);
        string path = Write("wide.png", data.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(path).Length, Is.LessThan(1000), "a tiny file");
            Assert.That(() => StrictImageDecoder.Decode(path, ImageFolderDataset.ResizeTo),
                Throws.TypeOf<InvalidDataException>().With.Message.Contains("wide.png").And.Message.Contains("aspect"));
        });
    }

    [Test]
    public void Decode_HeaderDeclaring100000Squared_RefusedBeforeDecoding()
    {
        string path = Write("forged.png", ForgedPngHeader(100_000, 100_000));
        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => StrictImageDecoder.Decode(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("100000×100000"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20), "managed bytes allocated");
    }

    [Test]
    public void Decode_FlippedByteInPngData_Throws()
    {
        byte[] png = Encode(64, 64, SKEncodedImageFormat.Png);
        png[png.Length / 2] ^= 0x55;
        string path = Write("flip.png", png);

        Assert.That(() => StrictImageDecoder.Decode(path), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void Decode_WebpNamedPng_RefusedAsNotPngOrJpeg()
    {
        string path = Write("webp.png", Encode(16, 16, SKEncodedImageFormat.Webp));

        Assert.That(() => StrictImageDecoder.Decode(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("not a JPEG or PNG"));
    }

    [Test]
    public void Decode_EmptyFile_Throws()
    {
        string path = Write("empty.png", []);

        Assert.That(() => StrictImageDecoder.Decode(path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("empty"));
    }

    [Test]
    public void CheckSize_SixtyFourToOne_AcceptedAndJustBeyondRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => StrictImageDecoder.CheckSize("x", 64 * 256, 256, 256), Throws.Nothing);
            Assert.That(() => StrictImageDecoder.CheckSize("x", 64 * 256 + 2, 256, 256),
                Throws.TypeOf<InvalidDataException>());
        });
    }

    [Test]
    public void CheckSize_8192Squared_AcceptedAndOneMoreRowRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => StrictImageDecoder.CheckSize("x", 8192, 8192, 0), Throws.Nothing);
            Assert.That(() => StrictImageDecoder.CheckSize("x", 8192, 8193, 0), Throws.TypeOf<InvalidDataException>());
        });
    }

    private static void WriteBigEndian(byte[] bytes, int offset, uint value)
    {
        bytes[offset] = (byte)(value >> 24);
        bytes[offset + 1] = (byte)(value >> 16);
        bytes[offset + 2] = (byte)(value >> 8);
        bytes[offset + 3] = (byte)value;
    }

    /// <summary>CRC-32 (ISO-HDLC, as PNG chunks use).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
