using ILrg.Reporting;
namespace ILrg.Trials;

/// <summary>The outcome of a comparison: provenance, configuration, per-method summaries and every trial.</summary>
/// <param name="Manifest">Provenance.</param>
/// <param name="Config">The configuration.</param>
/// <param name="Summaries">One per method, over the trials that ran.</param>
/// <param name="Trials">Every trial that ran.</param>
/// <param name="Interrupted">True when the run was interrupted and holds only the trials that finished.</param>
public sealed record ComparisonResult(
    RunManifest Manifest,
    ComparisonSpec Config,
    IReadOnlyList<MethodSummary> Summaries,
    IReadOnlyList<ComparisonTrial> Trials,
    bool Interrupted = false);
