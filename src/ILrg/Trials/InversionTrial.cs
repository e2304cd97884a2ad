using System.Collections.Immutable;
using ILrg.Inversion;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>One reconstruction of the experiment's batch in one label mode, scored against the truth.</summary>
/// <param name="Mode">The label mode.</param>
/// <param name="LabelErrors">How many of the iLRG labels were replaced by wrong ones (0 for other modes).</param>
/// <param name="LabelsUsed">The labels given to (or, for joint modes, found by) the inverter, sorted.</param>
/// <param name="Result">The reconstruction.</param>
/// <param name="Scores">PSNR/SSIM after optimal matching.</param>
/// <param name="Seconds">Wall time of the inversion.</param>
public sealed record InversionTrial(
    LabelMode Mode,
    int LabelErrors,
    ImmutableArray<int> LabelsUsed,
    InversionResult Result,
    ImageScores Scores,
    double Seconds);
