using ILrg.Experiments;
using ILrg.Inversion;

namespace ILrg.Cli;

/// <summary>The parsed options of <c>ilrg invert</c>.</summary>
/// <param name="Spec">The experiment.</param>
/// <param name="Modes">Label modes to run against the same update.</param>
/// <param name="LabelErrors">Wrong-label counts for the iLRG mode (more than one value is a sweep).</param>
/// <param name="Out">Folder of the PNGs.</param>
/// <param name="Report">JSON report path.</param>
/// <param name="ExpectGain">Exit 2 unless the iLRG gain over the shared joint label reaches this (dB).</param>
public sealed record InvertRequest(
    InversionSpec Spec,
    IReadOnlyList<LabelMode> Modes,
    IReadOnlyList<int> LabelErrors,
    DirectoryInfo Out,
    FileInfo? Report,
    double? ExpectGain);
