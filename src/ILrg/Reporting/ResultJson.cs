using System.Text.Json;
using System.Text.Json.Serialization;

namespace ILrg.Reporting;

/// <summary>The one JSON shape of results and reports: camelCase, enums as strings, indented.</summary>
public static class ResultJson
{
    /// <summary>Serializer options shared by every report.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new PathConverter() },
    };

    /// <summary>Builds the serializer's metadata for <paramref name="type"/> ahead of time (so that writing a report
    /// after Ctrl-C does not pay the first-use cost).</summary>
    public static void Prepare(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Options.MakeReadOnly(populateMissingResolver: true);
        _ = Options.GetTypeInfo(type);
    }

    /// <summary>Serializes any report object.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes a report, creating the folder; atomically (a temporary file renamed over the target), so a
    /// failure or an interrupt never leaves a half-written report.</summary>
    public static void Write<T>(string path, T value) => ReportFile.WriteAllText(path, Serialize(value) + "\n");

    /// <summary>Files and folders as their full path (their object graphs are cyclic and say nothing more).</summary>
    private sealed class PathConverter : JsonConverter<FileSystemInfo>
    {
        public override bool CanConvert(Type typeToConvert) => typeof(FileSystemInfo).IsAssignableFrom(typeToConvert);

        public override FileSystemInfo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("reports are written, not read back into file objects");

        public override void Write(Utf8JsonWriter writer, FileSystemInfo value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.FullName);
    }
}
