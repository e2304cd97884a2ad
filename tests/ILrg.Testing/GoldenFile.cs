using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace ILrg.Testing;

/// <summary>
/// Golden JSON snapshots under golden/: <c>{ "provenance": {...}, "data": ... }</c>. A comparison that fails writes
/// <c>NAME.received.json</c> beside the golden and fails with a readable diff. Goldens change only when
/// ILRG_UPDATE_GOLDEN=1 is set explicitly — never automatically.
/// </summary>
public sealed class GoldenFile
{
    /// <summary>The switch that accepts received snapshots as the new goldens.</summary>
    public const string UpdateVariable = "ILRG_UPDATE_GOLDEN";

    private const int MaxDiffLines = 20;

    /// <summary>A golden store in <paramref name="directory"/>.</summary>
    public GoldenFile(string directory) => Directory = directory;

    /// <summary>The repository's golden/ folder, found by walking up to ILrg.sln.</summary>
    public static GoldenFile Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ILrg.sln")))
            {
                return new GoldenFile(Path.Combine(dir.FullName, "golden"));
            }
        }

        throw new DirectoryNotFoundException($"no ILrg.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The folder of the snapshots.</summary>
    public string Directory { get; }

    /// <summary>Compares <paramref name="data"/> with the golden <paramref name="name"/>; numbers may differ by at most
    /// <paramref name="tolerance"/> (0 = exact). <paramref name="provenance"/> is stored with an accepted
    /// golden.</summary>
    public void AssertMatches(string name, JsonNode data, JsonObject provenance, double tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(provenance);
        string goldenPath = Path.Combine(Directory, name + ".json");
        string receivedPath = Path.Combine(Directory, name + ".received.json");
        provenance["tolerance"] = tolerance;
        var received = new JsonObject { ["provenance"] = provenance, ["data"] = data.DeepClone() };
        string receivedText = received.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(goldenPath, receivedText);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(goldenPath))
        {
            File.WriteAllText(receivedPath, receivedText);
            Assert.Fail($"golden {goldenPath} does not exist; wrote {receivedPath}. Review it, then accept with " +
                        $"{UpdateVariable}=1.");
        }

        JsonNode golden = JsonNode.Parse(File.ReadAllText(goldenPath))?["data"]
            ?? throw new InvalidDataException($"{goldenPath} has no \"data\"");
        var diffs = new List<string>();
        Diff("$", golden, data, tolerance, diffs);
        if (diffs.Count == 0)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, receivedText);
        string shown = string.Join("\n", diffs.Take(MaxDiffLines));
        string more = diffs.Count > MaxDiffLines ? $"\n... and {diffs.Count - MaxDiffLines} more" : string.Empty;
        Assert.Fail($"{name} differs from its golden in {diffs.Count} place(s) (received: " +
                    $"{receivedPath}):\n{shown}{more}\n" +
                    $"If the change is intended, accept it with {UpdateVariable}=1 and say why in the commit.");
    }

    /// <summary>Paths where two JSON trees differ (numbers within <paramref name="tolerance"/> count as
    /// equal).</summary>
    public static void Diff(string path, JsonNode? golden, JsonNode? received, double tolerance, List<string> diffs)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        switch (golden, received)
        {
            case (null, null):
                return;
            case (JsonObject g, JsonObject r):
                foreach (string key in g.Select(p => p.Key).Union(r.Select(p => p.Key)))
                {
                    if (!g.ContainsKey(key) || !r.ContainsKey(key))
                    {
                        diffs.Add($"{path}.{key}: {(g.ContainsKey(key) ? "missing in received" : "not in golden")}");
                        continue;
                    }

                    Diff($"{path}.{key}", g[key], r[key], tolerance, diffs);
                }

                return;
            case (JsonArray g, JsonArray r):
                if (g.Count != r.Count)
                {
                    diffs.Add($"{path}: golden has {g.Count} items, received {r.Count}");
                    return;
                }

                for (int i = 0; i < g.Count; i++)
                {
                    Diff($"{path}[{i}]", g[i], r[i], tolerance, diffs);
                }

                return;
            case (JsonValue g, JsonValue r) when IsNumber(g) && IsNumber(r):
                double a = AsDouble(g), b = AsDouble(r);
                if (!(Math.Abs(a - b) <= tolerance))
                {
                    diffs.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: golden {a}, received {b}"));
                }

                return;
            default:
                string gs = golden?.ToJsonString() ?? "null", rs = received?.ToJsonString() ?? "null";
                if (gs != rs)
                {
                    diffs.Add($"{path}: golden {gs}, received {rs}");
                }

                return;
        }
    }

    private static bool IsNumber(JsonValue v) => v.GetValueKind() == JsonValueKind.Number;

    private static double AsDouble(JsonValue v) => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
}
