using ILrg.Data;
using ILrg.Reporting;

namespace ILrg.Performance;

/// <summary>The report of <c>ilrg bench</c>: the run manifest, the libtorch thread count, every row's figures, where
/// the reference figures come from, and the baseline comparison when one was asked for.</summary>
/// <param name="Manifest">Provenance (tool "ilrg bench").</param>
/// <param name="TorchThreads">libtorch's intra-op thread count (<c>torch.get_num_threads()</c>).</param>
/// <param name="ReferenceProvenance">Where the reference column comes from (<see cref="ReferenceTimings"/>).</param>
/// <param name="Rows">The rows that ran, in order.</param>
/// <param name="Baseline">The comparison with <c>--baseline</c>; null without one.</param>
/// <param name="Interrupted">True when Ctrl-C stopped the run; the rows that finished are here.</param>
public sealed record BenchReport(
    RunManifest Manifest,
    int TorchThreads,
    string ReferenceProvenance,
    IReadOnlyList<BenchRowResult> Rows,
    BaselineComparison? Baseline = null,
    bool Interrupted = false)
{
    /// <summary>The tool name in the manifest; a baseline must carry it.</summary>
    public const string Tool = "ilrg bench";

    /// <summary>The report of <paramref name="rows"/>, stamped now.</summary>
    public static BenchReport Create(
        BenchConfiguration configuration, IReadOnlyList<BenchRowResult> rows, IEnumerable<IImageDataset> datasets,
        DateTimeOffset started, bool interrupted = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(rows);
        var manifest = RunManifest.Create(Tool, BenchRows.Seed, configuration, datasets, started);
        return new BenchReport(
            manifest, BenchRunner.TorchThreads, ReferenceTimings.Provenance, rows, null, interrupted);
    }
}
