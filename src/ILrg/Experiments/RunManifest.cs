using System.Reflection;
using System.Runtime.InteropServices;

namespace ILrg.Experiments;

/// <summary>Provenance of a result: what ran, where, from which commit, and how long each stage took.</summary>
public sealed record RunManifest(
    string Tool,
    string Version,
    string GitCommit,
    string TorchSharpVersion,
    string Runtime,
    string OperatingSystem,
    DateTimeOffset StartedUtc,
    ulong Seed,
    string DatasetName,
    bool DatasetIsSynthetic,
    StageTimings TotalTimings)
{
    /// <summary>Version facts of this build and machine.</summary>
    public static (string Version, string GitCommit, string TorchSharp, string Runtime, string Os) Environment()
    {
        Assembly self = typeof(RunManifest).Assembly;
        string version = self.GetName().Version?.ToString() ?? "unknown";
        string commit = self.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GitCommit")?.Value is { Length: > 0 } c ? c : "unknown";
        string torch = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown";
        return (version, commit, torch, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription);
    }
}
