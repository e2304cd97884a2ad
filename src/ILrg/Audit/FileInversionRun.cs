using System.Collections.Immutable;
using ILrg.Inversion;
using ILrg.Metrics;

namespace ILrg.Audit;

/// <summary>One reconstruction of an update held in files.</summary>
/// <param name="Mode">The label mode.</param>
/// <param name="LabelsUsed">The labels given to (or, for joint modes, found by) the inverter, sorted.</param>
/// <param name="Result">The reconstruction.</param>
/// <param name="Scores">PSNR/SSIM after optimal matching to the true images, or null without them.</param>
/// <param name="Seconds">Wall time of the inversion.</param>
public sealed record FileInversionRun(
    LabelMode Mode,
    ImmutableArray<int> LabelsUsed,
    InversionResult Result,
    ImageScores? Scores,
    double Seconds);
