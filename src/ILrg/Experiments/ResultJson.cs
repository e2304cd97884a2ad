using System.Text.Json;
using System.Text.Json.Serialization;

namespace ILrg.Experiments;

/// <summary>The one JSON shape of results and reports: camelCase, enums as strings, indented.</summary>
public static class ResultJson
{
    /// <summary>Serializer options shared by every report.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Serializes any report object.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes a report, creating the folder.</summary>
    public static void Write<T>(string path, T value)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, Serialize(value) + "\n");
    }
}
