using System.Collections.Immutable;
using ILrg.Audit;
using ILrg.Interop;
using ILrg.Inversion;

namespace ILrg.Reporting;

/// <summary>The JSON report of <c>ilrg invert</c> on an update held in files: the final layer, the audit's verdict and
/// counts that gave the labels, the true counts when given, and per label mode the reconstruction's scores.</summary>
/// <param name="Manifest">Provenance, with the full configuration.</param>
/// <param name="FinalLayer">The final layer used, and why.</param>
/// <param name="Verdict">The label audit's one-line verdict on the same update.</param>
/// <param name="RestoredCounts">iLRG's corrected counts (the labels of mode <c>ilrg</c>).</param>
/// <param name="TrueCounts">The counts of <c>--truth-labels</c>, or null.</param>
/// <param name="Architecture">The architecture the model state was loaded into.</param>
/// <param name="PrepareSeconds">Seconds to read, audit and load.</param>
/// <param name="Runs">One entry per label mode.</param>
public sealed record FileInversionReport(
    RunManifest Manifest,
    FinalLayer FinalLayer,
    string Verdict,
    ImmutableArray<int> RestoredCounts,
    ImmutableArray<int>? TrueCounts,
    string Architecture,
    double PrepareSeconds,
    ImmutableArray<FileInversionReport.Run> Runs)
{
    /// <summary>The report of <paramref name="runs"/> of <paramref name="inversion"/>.</summary>
    public static FileInversionReport Create(
        FileInversion inversion, IEnumerable<FileInversionRun> runs, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(inversion);
        ArgumentNullException.ThrowIfNull(runs);
        int classes = inversion.Audit.Classes;
        ImmutableArray<int>? truth = inversion.TruthLabels is { } labels
            ? [.. Enumerable.Range(0, classes).Select(c => labels.Count(l => l == c))]
            : null;
        return new FileInversionReport(
            manifest, inversion.FinalLayer, inversion.Audit.Verdict, [.. inversion.Restoration.CorrectedCounts], truth,
            inversion.Request.Architecture, inversion.PrepareSeconds,
            [.. runs.Select(r => new Run(
                r.Mode, r.LabelsUsed, r.Scores?.MeanPsnr, r.Scores?.MeanSsim, r.Result.GradientCost,
                r.Result.IterationsRun, r.Seconds))]);
    }

    /// <summary>One reconstruction.</summary>
    /// <param name="Mode">The label mode.</param>
    /// <param name="LabelsUsed">The labels given to (or found by) the inverter, sorted.</param>
    /// <param name="MeanPsnr">Mean PSNR (dB) after optimal matching to the true images, or null without them.</param>
    /// <param name="MeanSsim">Mean SSIM, or null without the true images.</param>
    /// <param name="GradientCost">The final gradient-matching cost.</param>
    /// <param name="IterationsRun">Iterations run (fewer when stopped early).</param>
    /// <param name="Seconds">Wall time.</param>
    public sealed record Run(
        LabelMode Mode,
        ImmutableArray<int> LabelsUsed,
        double? MeanPsnr,
        double? MeanSsim,
        double GradientCost,
        int IterationsRun,
        double Seconds);
}
