using ILrg.Reporting;

namespace ILrg.Trials;

/// <summary>A measured defence sweep.</summary>
/// <param name="Manifest">Provenance.</param>
/// <param name="Spec">What was swept.</param>
/// <param name="Rows">One row per strength.</param>
public sealed record DefenceSweepResult(RunManifest Manifest, DefenceSweepSpec Spec,
    IReadOnlyList<DefenceSweepRow> Rows);
