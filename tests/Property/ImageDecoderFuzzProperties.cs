using FsCheck;
using FsCheck.Fluent;
using ILrg.Data;
using NUnit.Framework;
using SkiaSharp;

namespace ILrg.Tests.Property;

/// <summary>Fuzzing the PNG/JPEG decoder of image folders (issue 9): a complete image within the caps or
/// <see cref="InvalidDataException"/>; memory bound: sizes are checked from the header before pixels are allocated
/// (<see cref="StrictImageDecoder.MaxSourcePixels"/>, <see cref="StrictImageDecoder.MaxResizedPixels"/>), and the
/// managed side holds only a copy of the file.</summary>
[TestFixture]
public sealed class ImageDecoderFuzzProperties
{
    private static readonly byte[] Png = Encode(SKEncodedImageFormat.Png);
    private static readonly byte[] Jpeg = Encode(SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(8, 6);
        var random = new Random(3);
        for (int y = 0; y < 6; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                var color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                bitmap.SetPixel(x, y, color);
            }
        }

        using SKData data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static string? Invalid(SKBitmap bitmap) =>
        bitmap.Width >= 1 && bitmap.Height >= 1
        && (long)bitmap.Width * bitmap.Height <= StrictImageDecoder.MaxSourcePixels
            ? null
            : $"{bitmap.Width}×{bitmap.Height}";

    private static string? Decode(string what, byte[] bytes, Func<SKBitmap, string?>? invalid = null) =>
        ReaderFuzz.Check(what, () => StrictImageDecoder.Decode(what, bytes, ImageFolderDataset.ResizeTo),
            invalid ?? Invalid, 4L * bytes.Length + (1 << 16));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Decode_ArbitraryBytes_ImageOrInvalidData() =>
        Prop.ForAll(ReaderFuzz.Bytes().ToArbitrary(), b => ReaderFuzz.Holds(Decode("arbitrary", b)));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Decode_SignatureThenArbitraryBytes_ImageOrInvalidData() =>
        Prop.ForAll(
            (from png in Gen.Elements(true, false)
             from b in ReaderFuzz.After(png ? Png[..8] : Jpeg[..3])
             select b).ToArbitrary(),
            b => ReaderFuzz.Holds(Decode("signature + arbitrary", b)));

    [TestCase(true)]
    [TestCase(false)]
    public void Decode_TruncatedAtEveryOffset_AlwaysInvalidData(bool png)
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Truncations(png ? Png : Jpeg)
            .Select(t => Decode(t.What, t.Bytes, _ => "decoded a truncated file")));

        Assert.That(failures, Is.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Decode_ByteFlippedAtEveryOffset_ImageOrInvalidData(bool png)
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Flips(png ? Png : Jpeg, 0x01, 0x80, 0xFF)
            .Select(t => Decode(t.What, t.Bytes)));

        Assert.That(failures, Is.Empty);
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property Decode_RandomBytesReplaced_ImageOrInvalidData() =>
        Prop.ForAll(
            (from png in Gen.Elements(true, false)
             from b in ReaderFuzz.Corrupted(png ? Png : Jpeg)
             select b).ToArbitrary(),
            b => ReaderFuzz.Holds(Decode("corrupted", b)));
}
