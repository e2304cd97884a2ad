using ILrg.Reporting;

namespace ILrg.Trials;

/// <summary>A training trend: provenance, configuration and one point per checkpoint.</summary>
/// <param name="Manifest">Provenance.</param>
/// <param name="Spec">What was trained and attacked.</param>
/// <param name="Points">One per checkpoint.</param>
/// <param name="Interrupted">True when the run was interrupted and holds only the checkpoints that finished.</param>
public sealed record TrendResult(
    RunManifest Manifest, TrainingTrendSpec Spec, IReadOnlyList<TrendPoint> Points, bool Interrupted = false);
