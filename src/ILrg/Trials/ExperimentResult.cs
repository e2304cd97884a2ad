using ILrg.Reporting;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>The result of an experiment: provenance, configuration, summary over trials, and every trial.</summary>
/// <param name="Manifest">Provenance.</param>
/// <param name="Config">The configuration.</param>
/// <param name="Summary">Means and intervals over the trials that ran.</param>
/// <param name="Trials">Every trial that ran.</param>
/// <param name="Interrupted">True when the run was interrupted and holds only the trials that finished.</param>
public sealed record ExperimentResult(
    RunManifest Manifest,
    ExperimentSpec Config,
    LabelSummary Summary,
    IReadOnlyList<TrialResult> Trials,
    bool Interrupted = false);
