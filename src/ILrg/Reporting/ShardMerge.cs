using System.Globalization;
using System.Text.Json;

namespace ILrg.Reporting;

/// <summary>
/// Checks that partial reports are the shards of ONE run (same verb, code, seed, configuration and shard count; each
/// shard exactly once) and merges their manifests into the manifest of the whole run.
/// </summary>
public static class ShardMerge
{
    /// <summary>Reads a partial report of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a report; the message names it.</exception>
    public static T Read<T>(string path)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), ResultJson.Options)
                ?? throw new InvalidDataException($"{path}: empty report");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a report ILrg can merge ({e.Message})", e);
        }
    }

    /// <summary>The tool named by a report's manifest ("ilrg run", "ilrg reproduce", …).</summary>
    /// <exception cref="InvalidDataException">The file is not JSON with a manifest.</exception>
    public static string ToolOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("manifest", out var m) && m.TryGetProperty("tool", out var t)
                ? t.GetString() ?? throw new InvalidDataException($"{path}: manifest.tool is empty")
                : throw new InvalidDataException(
                    $"{path}: no manifest.tool; merge takes the --report files of --shard runs");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not JSON ({e.Message})", e);
        }
    }

    /// <summary>The manifest of the whole run: the shards' common fields, the datasets of all, the earliest start, the
    /// summed wall time and stage totals, and no shard.
    /// </summary>
    /// <exception cref="InvalidDataException">A part is not a shard, the parts differ in verb, version, commit, seed,
    /// configuration or shard count, a shard appears twice, or one is missing.</exception>
    public static RunManifest Manifests(IReadOnlyList<(string Path, RunManifest Manifest)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new InvalidDataException("nothing to merge: name the shards' reports");
        }

        foreach (var (path, m) in parts.Where(p => p.Manifest.Shard is null))
        {
            throw new InvalidDataException(
                $"{path} is not a shard (its manifest has no shard); merge takes the reports of --shard i/n runs");
        }

        var (firstPath, first) = parts[0];
        string config = Canonical(first.Configuration);
        foreach (var (path, m) in parts.Skip(1))
        {
            Same(firstPath, path, "verb", first.Tool, m.Tool);
            Same(firstPath, path, "ILrg version", first.Version, m.Version);
            Same(firstPath, path, "git commit", first.GitCommit, m.GitCommit);
            Same(firstPath, path, "seed", Text(first.Seed), Text(m.Seed));
            Same(firstPath, path, "shard count", Count(first), Count(m));
            if (Canonical(m.Configuration) != config)
            {
                throw new InvalidDataException($"{path} and {firstPath} are shards of different configurations");
            }
        }

        int n = first.Shard!.Count;
        foreach (var group in parts.GroupBy(p => p.Manifest.Shard!.Index).Where(g => g.Count() > 1))
        {
            throw new InvalidDataException(
                $"shard {group.Key}/{n} appears more than once ({string.Join(", ", group.Select(p => p.Path))})");
        }

        int[] missing = [.. Enumerable.Range(1, n).Except(parts.Select(p => p.Manifest.Shard!.Index))];
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"shard(s) {string.Join(", ", missing.Select(i => $"{i}/{n}"))} missing");
        }

        var stages = parts.Where(p => p.Manifest.StageTotalsMs is not null).SelectMany(p => p.Manifest.StageTotalsMs!)
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return first with
        {
            Datasets = [.. parts.SelectMany(p => p.Manifest.Datasets).DistinctBy(d => d.Name)],
            StartedUtc = parts.Min(p => p.Manifest.StartedUtc),
            WallSeconds = parts.Sum(p => p.Manifest.WallSeconds),
            StageTotalsMs = stages.Count > 0 ? stages : null,
            Shard = null,
        };
    }

    private static void Same(string a, string b, string what, string x, string y)
    {
        if (x != y)
        {
            throw new InvalidDataException($"{b} and {a} are not shards of one run: {what} '{y}' vs '{x}'");
        }
    }

    private static string Count(RunManifest m) => Text((ulong)m.Shard!.Count);

    private static string Text(ulong v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Canonical(object configuration) => ResultJson.Serialize(configuration);
}
