using ILrg.Reporting;
namespace ILrg.Trials;

/// <summary>The outcome of a comparison: provenance, configuration, per-method summaries and every trial.</summary>
public sealed record ComparisonResult(
    RunManifest Manifest,
    ComparisonSpec Config,
    IReadOnlyList<MethodSummary> Summaries,
    IReadOnlyList<ComparisonTrial> Trials);
