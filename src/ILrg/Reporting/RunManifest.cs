using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using ILrg.Data;
using ILrg.Numerics;

namespace ILrg.Reporting;

/// <summary>
/// The one provenance record every report carries: what ran (tool, version, commit, full configuration, seed), on what
/// data (and whether it is synthetic), with which libraries, where, when and for how long.
/// </summary>
/// <param name="Tool">The verb, e.g. "ilrg run".</param>
/// <param name="Version">ILrg's assembly version.</param>
/// <param name="GitCommit">The commit the build came from ("-dirty" when it had uncommitted changes).</param>
/// <param name="Seed">The base seed.</param>
/// <param name="Configuration">The full configuration, as the verb's spec record.</param>
/// <param name="Datasets">The data sets read, each with whether it is a synthetic stand-in.</param>
/// <param name="Libraries">Versions of the libraries that shape the numbers (TorchSharp, libtorch, ...).</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="OperatingSystem">The operating system.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="WallSeconds">Wall time of the whole run.</param>
/// <param name="StageTotalsMs">Summed wall time per pipeline stage, when the run has stages.</param>
/// <param name="Shard">The shard (<c>--shard i/n</c>) when the report is a partial one; null for a whole run and for a
/// merged report.</param>
public sealed record RunManifest(
    string Tool,
    string Version,
    string GitCommit,
    ulong Seed,
    object Configuration,
    ImmutableArray<DatasetInfo> Datasets,
    IReadOnlyDictionary<string, string> Libraries,
    string Runtime,
    string OperatingSystem,
    DateTimeOffset StartedUtc,
    double WallSeconds,
    IReadOnlyDictionary<string, double>? StageTotalsMs = null,
    WorkShard? Shard = null)
{
    /// <summary>libtorch's intra-op thread count during the run (<see cref="TorchThreads"/>): float reductions may
    /// group differently with another count.</summary>
    public int? TorchThreads { get; init; }

    /// <summary>A manifest for a run that started at <paramref name="started"/> and ends now.</summary>
    public static RunManifest Create(
        string tool, ulong seed, object configuration, IEnumerable<IImageDataset> datasets, DateTimeOffset started,
        IReadOnlyDictionary<string, double>? stageTotalsMs = null, WorkShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(datasets);
        Assembly self = typeof(RunManifest).Assembly;
        string commit = self.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GitCommit")?.Value is { Length: > 0 } c ? c : "unknown";
        return new RunManifest(
            tool, VersionOf(self), commit, seed, configuration,
            [.. datasets.DistinctBy(d => d.Name).Select(d => new DatasetInfo(d.Name, d.IsSynthetic, d.Count,
                d.Classes))],
            CurrentLibraries(), RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, started,
            (DateTimeOffset.UtcNow - started).TotalSeconds, stageTotalsMs, shard)
        {
            TorchThreads = Numerics.TorchThreads.Current,
        };
    }

    /// <summary>The versions of the libraries whose behaviour can move results.</summary>
    public static IReadOnlyDictionary<string, string> CurrentLibraries() => new SortedDictionary<string, string>
    {
        ["ILrg"] = VersionOf(typeof(RunManifest).Assembly),
        ["TorchSharp"] = VersionOf(typeof(TorchSharp.torch).Assembly),
        ["MathNet.Numerics"] = VersionOf(typeof(MathNet.Numerics.Control).Assembly),
        ["Google.OrTools"] = VersionOf(typeof(Google.OrTools.LinearSolver.Solver).Assembly),
    };

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
