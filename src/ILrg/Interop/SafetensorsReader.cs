using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ILrg.Interop;

/// <summary>
/// A strict reader of the safetensors format: an unsigned 64-bit little-endian header length N, N bytes of a UTF-8
/// JSON object (name → dtype, shape, data_offsets; optionally <c>__metadata__</c>, string → string), then the data.
/// </summary>
/// <remarks>
/// As the format's reference reader checks: the tensors' byte ranges must tile the data exactly — no gap, no overlap,
/// no trailing byte — and each range must hold exactly what its shape needs. TorchSharp.PyBridge's loader checks
/// neither the ranges nor the shapes before it allocates, and would create native tensors, so this reader validates and
/// decodes itself. The tensors keep the order of their data, which the format's writer sorts by element type and name
/// (not the model's order).
/// </remarks>
internal static class SafetensorsReader
{
    private const string Accepted = "accepted are F64, F32, F16, BF16, I64, I32, I16, I8, U8 and BOOL";

    /// <summary>Reads the file held in <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">Anything wrong; the message names <paramref name="source"/>.</exception>
    public static StateDict Read(byte[] bytes, string source)
    {
        if (bytes.Length < 8)
        {
            throw InteropErrors.Bad(source, "the safetensors file is shorter than its 8-byte header length");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > InteropLimits.MaxSafetensorsHeaderBytes)
        {
            throw InteropErrors.Bad(source,
                $"the safetensors header declares {headerLength} bytes; at most " +
                $"{InteropLimits.MaxSafetensorsHeaderBytes} are accepted");
        }

        if (8 + (long)headerLength > bytes.Length)
        {
            throw InteropErrors.Bad(source,
                $"the safetensors file is truncated: its header needs {8 + (long)headerLength} bytes, the file has " +
                $"{bytes.Length}");
        }

        List<Entry> entries = ParseHeader(bytes.AsSpan(8, (int)headerLength), source);
        int start = 8 + (int)headerLength;
        CheckTiling(entries, bytes.Length - start, source);
        var tensors = entries
            .OrderBy(e => e.Begin)
            .Select(e => StateTensor.FromLittleEndian(
                e.Name, e.DType, e.Shape, e.Count, e.Count, bytes[(start + (int)e.Begin)..(start + (int)e.End)]));
        return StateDict.Create(source, StateDictFormat.Safetensors, tensors.ToList());
    }

    private static void CheckTiling(List<Entry> entries, long dataLength, string source)
    {
        long expected = 0;
        foreach (Entry e in entries.OrderBy(e => e.Begin))
        {
            if (e.Begin != expected)
            {
                string what = e.Begin > expected ? "leaves a gap before" : "overlaps";
                throw InteropErrors.Bad(source,
                    $"the safetensors data of '{e.Name}' starts at {e.Begin}, which {what} the previous tensor's end " +
                    $"at {expected}");
            }

            expected = e.End;
        }

        if (expected != dataLength)
        {
            string what = expected < dataLength ? "has trailing bytes" : "is truncated";
            throw InteropErrors.Bad(source,
                $"the safetensors file {what}: the header covers {expected} data bytes, the file holds {dataLength}");
        }
    }

    private static List<Entry> ParseHeader(ReadOnlySpan<byte> header, string source)
    {
        var entries = new List<Entry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 4 });
            Next(ref reader, JsonTokenType.StartObject, source, "the header");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (!names.Add(name))
                {
                    throw InteropErrors.Bad(source, $"the safetensors header holds the key '{name}' twice");
                }

                if (name == "__metadata__")
                {
                    SkipMetadata(ref reader, source);
                }
                else
                {
                    if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > InteropLimits.MaxNameBytes)
                    {
                        throw InteropErrors.Bad(source, "the safetensors header holds an empty or over-long name");
                    }

                    entries.Add(ParseEntry(ref reader, name, source));
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw InteropErrors.Bad(source, "the safetensors header is not one JSON object");
            }
        }
        catch (JsonException e)
        {
            throw InteropErrors.Bad(source, $"the safetensors header is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw InteropErrors.Bad(source, $"the safetensors header has a value of the wrong kind: {e.Message}", e);
        }

        if (entries.Count > InteropLimits.MaxTensors)
        {
            throw InteropErrors.Bad(source,
                $"the safetensors header lists {entries.Count} tensors; at most {InteropLimits.MaxTensors} are " +
                "accepted");
        }

        return entries;
    }

    private static void SkipMetadata(ref Utf8JsonReader reader, string source)
    {
        Next(ref reader, JsonTokenType.StartObject, source, "__metadata__");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            Next(ref reader, JsonTokenType.String, source, "a __metadata__ value");
        }
    }

    private static Entry ParseEntry(ref Utf8JsonReader reader, string name, string source)
    {
        string what = $"the entry of '{name}'";
        Next(ref reader, JsonTokenType.StartObject, source, what);
        string? dtype = null;
        long[]? shape = null;
        long[]? offsets = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string field = reader.GetString()!;
            switch (field)
            {
                case "dtype" when dtype is null:
                    Next(ref reader, JsonTokenType.String, source, what);
                    dtype = reader.GetString()!;
                    break;
                case "shape" when shape is null:
                    shape = Integers(ref reader, source, what, InteropLimits.MaxRank);
                    break;
                case "data_offsets" when offsets is null:
                    offsets = Integers(ref reader, source, what, 2);
                    break;
                default:
                    throw InteropErrors.Bad(source, $"{what} has the unexpected or repeated field '{field}'");
            }
        }

        if (dtype is null || shape is null || offsets is null || offsets.Length != 2)
        {
            throw InteropErrors.Bad(source, $"{what} needs dtype, shape and two data_offsets");
        }

        TensorDType type = DType(dtype, name, source);
        int size = type.ElementSize();
        long count = TensorLayout.ElementCount(shape, size, source, name);
        if (offsets[1] < offsets[0] || offsets[1] - offsets[0] != count * size)
        {
            throw InteropErrors.Bad(source,
                $"{what} spans bytes [{offsets[0]}, {offsets[1]}), but shape [{string.Join(", ", shape)}] of {dtype} " +
                $"needs {count * size}");
        }

        return new Entry(name, type, shape, count, offsets[0], offsets[1]);
    }

    private static long[] Integers(ref Utf8JsonReader reader, string source, string what, int max)
    {
        Next(ref reader, JsonTokenType.StartArray, source, what);
        var values = new List<long>();
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (values.Count >= max || !reader.TryGetInt64(out long v) || v < 0)
            {
                throw InteropErrors.Bad(source, $"{what} has too many, negative or non-integer numbers in a list");
            }

            values.Add(v);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw InteropErrors.Bad(source, $"{what} has a list holding something other than integers");
        }

        return [.. values];
    }

    private static TensorDType DType(string dtype, string name, string source) => dtype switch
    {
        "F64" => TensorDType.Float64,
        "F32" => TensorDType.Float32,
        "F16" => TensorDType.Float16,
        "BF16" => TensorDType.BFloat16,
        "I64" => TensorDType.Int64,
        "I32" => TensorDType.Int32,
        "I16" => TensorDType.Int16,
        "I8" => TensorDType.Int8,
        "U8" => TensorDType.UInt8,
        "BOOL" => TensorDType.Bool,
        _ => throw InteropErrors.Bad(source, $"tensor '{name}' has the element type '{dtype}'; {Accepted}"),
    };

    private static void Next(ref Utf8JsonReader reader, JsonTokenType expected, string source, string what)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw InteropErrors.Bad(source, $"in the safetensors header, {what} is not a JSON {expected}");
        }
    }

    private sealed record Entry(string Name, TensorDType DType, long[] Shape, long Count, long Begin, long End);
}
