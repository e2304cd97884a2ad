using ILrg.Reporting;

namespace ILrg.Claims;

/// <summary>A measured curve beside the paper's.</summary>
/// <param name="Manifest">Provenance.</param>
/// <param name="Sweep">The curve that was measured.</param>
/// <param name="Rows">One row per point.</param>
public sealed record SweepResult(RunManifest Manifest, PaperSweep Sweep, IReadOnlyList<SweepRow> Rows);
