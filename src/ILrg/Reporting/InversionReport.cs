using System.Collections.Immutable;
using ILrg.Inversion;
using ILrg.Trials;

namespace ILrg.Reporting;

/// <summary>The JSON report of <c>ilrg invert</c>: configuration, labels, per-mode scores, gains and timings.</summary>
/// <param name="Manifest">Provenance, with the full configuration.</param>
/// <param name="TrueCounts">True per-class counts.</param>
/// <param name="RestoredCounts">iLRG's corrected counts (mod_res).</param>
/// <param name="PrepareSeconds">Seconds for the update and the restoration.</param>
/// <param name="Runs">One entry per label mode / label-error count.</param>
/// <param name="PsnrGainILrgOverJointShared">Mean PSNR with iLRG labels minus that with the shared joint label (dB),
/// when both ran.</param>
/// <param name="Interrupted">True when the command was interrupted and holds only the runs that finished.</param>
public sealed record InversionReport(
    RunManifest Manifest,
    ImmutableArray<int> TrueCounts,
    ImmutableArray<int> RestoredCounts,
    double PrepareSeconds,
    ImmutableArray<InversionReport.Run> Runs,
    double? PsnrGainILrgOverJointShared,
    bool Interrupted = false)
{
    /// <summary>Builds the report entry of one trial.</summary>
    public static Run Of(InversionTrial trial, IReadOnlyList<int> trueLabels)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(trueLabels);
        var s = trial.Scores;
        var images = Enumerable.Range(0, s.Match.Length).Select(i => new Image(
            i, trial.Result.Labels[i], s.Match[i], trueLabels[s.Match[i]], s.Psnr[i], s.Ssim.IsEmpty ? double.NaN : s.Ssim[i]));
        return new Run(
            trial.Mode, trial.LabelErrors, s.MeanPsnr, s.MeanSsim, trial.Result.GradientCost, trial.Result.RestartCosts,
            trial.Result.IterationsRun, trial.Seconds, trial.LabelsUsed, [.. images], trial.Result.CurveStep, trial.Result.LossCurve);
    }

    /// <summary>One reconstruction.</summary>
    public sealed record Run(
        LabelMode Mode,
        int LabelErrors,
        double MeanPsnr,
        double MeanSsim,
        double GradientCost,
        ImmutableArray<double> RestartCosts,
        int IterationsRun,
        double Seconds,
        ImmutableArray<int> LabelsUsed,
        ImmutableArray<Image> Images,
        int CurveStep,
        ImmutableArray<double> LossCurve);

    /// <summary>One matched image.</summary>
    public sealed record Image(int Index, int Label, int MatchedTruth, int TrueLabel, double Psnr, double Ssim);
}
