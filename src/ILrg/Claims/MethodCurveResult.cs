using ILrg.Reporting;

namespace ILrg.Claims;

/// <summary>A paper curve measured for several methods (<see cref="MethodCurveRunner"/>).</summary>
/// <param name="Manifest">Provenance.</param>
/// <param name="Sweep">The curve.</param>
/// <param name="Methods">The methods, comma-separated as given.</param>
/// <param name="Rows">One row per point.</param>
public sealed record MethodCurveResult(
    RunManifest Manifest, PaperSweep Sweep, string Methods, IReadOnlyList<MethodCurveRow> Rows);
