using ILrg.Reporting;

namespace ILrg.Trials;

/// <summary>A training trend: provenance, configuration and one point per checkpoint.</summary>
public sealed record TrendResult(RunManifest Manifest, TrainingTrendSpec Spec, IReadOnlyList<TrendPoint> Points);
