using ILrg.Reporting;

namespace ILrg.Claims;

/// <summary>A measured curve beside the paper's.</summary>
/// <param name="Manifest">Provenance.</param>
/// <param name="Sweep">The curve that was measured.</param>
/// <param name="Rows">One row per point.</param>
/// <param name="Interrupted">True when the sweep was interrupted and holds only the points that finished.</param>
public sealed record SweepResult(RunManifest Manifest, PaperSweep Sweep, IReadOnlyList<SweepRow> Rows, bool Interrupted = false);
