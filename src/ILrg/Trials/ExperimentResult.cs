using ILrg.Reporting;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>The result of an experiment: provenance, configuration, summary over trials, and every trial.</summary>
public sealed record ExperimentResult(
    RunManifest Manifest,
    ExperimentSpec Config,
    LabelSummary Summary,
    IReadOnlyList<TrialResult> Trials);
