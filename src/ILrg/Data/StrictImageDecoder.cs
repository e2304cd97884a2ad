using System.Globalization;
using SkiaSharp;

namespace ILrg.Data;

/// <summary>
/// Decodes a PNG or JPEG file completely or not at all: SkiaSharp alone decodes a file cut short as a partly grey image
/// and resizes any header-declared size, so this decoder checks the file and the codec's result itself.
/// </summary>
/// <remarks>
/// Checks, in order, each failing with an <see cref="InvalidDataException"/> that names the file: the file holds 1 to
/// <see cref="MaxFileBytes"/> bytes; it starts with the PNG or JPEG signature; it ends where the format ends (a PNG
/// with its IEND chunk, a JPEG with the EOI marker FF D9), so truncated files and trailing bytes are refused; the
/// header's size is at most <see cref="MaxSourcePixels"/>, checked BEFORE any pixel memory is allocated; the image
/// resized so that its shorter side is the caller's target stays within <see cref="MaxResizedPixels"/> (a 40000×1
/// PNG of 200 bytes would otherwise become 10,240,000×256); and the codec decodes every row
/// (<see cref="SKCodecResult.Success"/>; <see cref="SKCodecResult.IncompleteInput"/> means a truncated file).
/// Memory bound: the file bytes, plus 4 bytes per source pixel (at most 256 MiB), plus the caller's resize output.
/// Limit: JPEG carries no checksum, and libjpeg decodes entropy data cut short but followed by an EOI marker as a
/// complete image with grey blocks (SkiaSharp reports success); only a full Huffman decode could tell, so a JPEG
/// truncated and then re-terminated on purpose is not detected. A file merely cut short lacks the EOI and is refused.
/// </remarks>
public static class StrictImageDecoder
{
    /// <summary>The largest file read: 256 MiB.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>The most pixels a decoded image may have: 2^26 = 67,108,864 (e.g. 8192×8192), 256 MiB as
    /// RGBA.</summary>
    public const long MaxSourcePixels = 1L << 26;

    /// <summary>The most pixels a resize to a shorter side of 256 may produce: 256×16384 = 4,194,304 (16 MiB as RGBA),
    /// i.e. aspect ratios up to 64:1.</summary>
    public const long MaxResizedPixels = 256L * 16384;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // The IEND chunk: zero length, type "IEND", CRC 0xAE426082.
    private static readonly byte[] PngEnd = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>Decodes <paramref name="path"/> into an RGBA (unpremultiplied) bitmap the caller disposes.</summary>
    /// <param name="path">A PNG or JPEG file.</param>
    /// <param name="shorterSide">The side the caller will resize the shorter edge to (0: no resize check).</param>
    /// <exception cref="InvalidDataException">Any check above fails.</exception>
    public static SKBitmap Decode(string path, int shorterSide = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"{path}: no such image file", path);
        }

        if (file.Length == 0 || file.Length > MaxFileBytes)
        {
            throw Bad(path, file.Length == 0
                ? "empty file"
                : $"{file.Length} bytes is more than the image reader's limit of {MaxFileBytes} bytes");
        }

        return Decode(path, File.ReadAllBytes(path), shorterSide);
    }

    /// <summary>Decodes image bytes; <paramref name="name"/> appears in messages.</summary>
    /// <exception cref="InvalidDataException">Any check above fails.</exception>
    public static SKBitmap Decode(string name, byte[] bytes, int shorterSide = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bytes);
        CheckFraming(name, bytes);
        using SKData data = SKData.CreateCopy(bytes);
        using SKCodec codec = SKCodec.Create(data)
            ?? throw Bad(name, "not a decodable JPEG or PNG image (corrupt header)");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            throw Bad(name, $"decodes as {codec.EncodedFormat}, not as PNG or JPEG");
        }

        int width = codec.Info.Width, height = codec.Info.Height;
        CheckSize(name, width, height, shorterSide);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap();
        try
        {
            if (!bitmap.TryAllocPixels(info))
            {
                throw Bad(name, $"could not allocate {width}×{height} pixels");
            }

            SKCodecResult result = codec.GetPixels(info, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
            {
                throw Bad(name, result == SKCodecResult.IncompleteInput
                    ? "truncated: the image data ends before the last row (only part of the image would decode)"
                    : $"not decodable ({result}): corrupt image data");
            }

            return bitmap;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    /// <summary>Refuses sizes above <see cref="MaxSourcePixels"/> and resize outputs above
    /// <see cref="MaxResizedPixels"/>.</summary>
    /// <exception cref="InvalidDataException">A size above a cap.</exception>
    public static void CheckSize(string name, int width, int height, int shorterSide)
    {
        if (width < 1 || height < 1 || (long)width * height > MaxSourcePixels)
        {
            throw Bad(name, $"the header declares {width}×{height} pixels; the reader accepts 1 to {MaxSourcePixels} " +
                            "pixels (e.g. 8192×8192)");
        }

        if (shorterSide > 0)
        {
            double scale = (double)shorterSide / Math.Min(width, height);
            long resized = (long)Math.Max(shorterSide, Math.Round(width * scale))
                         * (long)Math.Max(shorterSide, Math.Round(height * scale));
            if (resized > MaxResizedPixels)
            {
                throw Bad(name, $"{width}×{height} pixels is an implausible aspect ratio: with the shorter side " +
                                $"resized to {shorterSide} it would be {resized} pixels, more than the cap of " +
                                $"{MaxResizedPixels} (aspect ratios up to 64:1)");
            }
        }
    }

    private static void CheckFraming(string name, byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith(PngSignature))
        {
            if (!span.EndsWith(PngEnd))
            {
                throw Bad(name, "a PNG must end with its IEND chunk: the file is truncated or has bytes after the " +
                                "image");
            }
        }
        else if (span.Length >= 3 && span[0] == 0xFF && span[1] == 0xD8 && span[2] == 0xFF)
        {
            if (span.Length < 4 || span[^2] != 0xFF || span[^1] != 0xD9)
            {
                throw Bad(name, "a JPEG must end with the EOI marker FF D9: the file is truncated or has bytes after " +
                                "the image");
            }
        }
        else
        {
            throw Bad(name, "not a JPEG or PNG image (no PNG or JPEG signature at the start)");
        }
    }

    private static InvalidDataException Bad(string name, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}: {what}"));
}
