using System.Text.Json;

namespace ILrg.Performance;

/// <summary>What a comparison needs of an earlier <c>ilrg bench</c> report: each row's median and the thread count.
/// Read leniently (other fields may change between versions) but strictly where it matters.</summary>
/// <param name="Path">The file.</param>
/// <param name="TorchThreads">Its libtorch thread count, when it records one.</param>
/// <param name="MedianMs">Each row's median, by name, in the file's order.</param>
public sealed record BaselineFile(string Path, int? TorchThreads, IReadOnlyDictionary<string, double> MedianMs)
{
    /// <summary>Reads a report written by <c>ilrg bench --report</c>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not JSON, not a bench report, or a row without a name or a positive
    /// finite median; the message names the file.</exception>
    public static BaselineFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"--baseline: no such file: {full}", full);
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(full));
            return Parse(full, doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"--baseline {full}: not JSON ({e.Message})", e);
        }
    }

    private static BaselineFile Parse(string path, JsonElement root)
    {
        string? tool = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("manifest", out var m)
                       && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("tool", out var t)
                       && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (tool != BenchReport.Tool)
        {
            throw new InvalidDataException(
                $"--baseline {path}: not a report of '{BenchReport.Tool}' (manifest.tool is " +
                $"{(tool is null ? "missing" : $"'{tool}'")}); pass the --report file of an earlier 'ilrg bench'");
        }

        if (!root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"--baseline {path}: no rows array");
        }

        var medians = new Dictionary<string, double>();
        int index = 0;
        foreach (JsonElement row in rows.EnumerateArray())
        {
            string? name = row.ValueKind == JsonValueKind.Object && row.TryGetProperty("name", out var n)
                           && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            double median = row.ValueKind == JsonValueKind.Object && row.TryGetProperty("medianMs", out var v)
                            && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
            if (string.IsNullOrWhiteSpace(name) || !double.IsFinite(median) || median <= 0)
            {
                throw new InvalidDataException(
                    $"--baseline {path}: row {index} needs a name and a positive finite medianMs");
            }

            if (!medians.TryAdd(name, median))
            {
                throw new InvalidDataException($"--baseline {path}: row '{name}' appears twice");
            }

            index++;
        }

        int? threads = root.TryGetProperty("torchThreads", out var th) && th.TryGetInt32(out int k) ? k : null;
        return new BaselineFile(path, threads, medians);
    }
}
