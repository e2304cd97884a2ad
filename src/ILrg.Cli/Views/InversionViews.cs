using System.Globalization;
using ILrg.Data;
using ILrg.Inversion;
using ILrg.Reporting.Plots;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>What <c>invert</c> prints and draws.</summary>
internal static class InversionViews
{
    /// <summary>The configuration, the truth and the restored labels.</summary>
    public static string Header(InversionSpec spec, IImageDataset data, InversionExperiment experiment)
    {
        var e = spec.Experiment;
        var s = spec.Settings;
        return string.Create(CultureInfo.InvariantCulture,
            $"{spec.Inverter} on {data.Name}{Format.Synthetic(data.IsSynthetic)}, model {e.Model.Name}, " +
            $"N={e.BatchSize}, " +
            $"{s.Iterations} iterations × {s.Restarts} restarts, tv {s.TotalVariation:G3}, seed {e.Seed}\n" +
            $"true counts {Format.Sparse(experiment.TrueCounts)}; {e.Method} mod_res " +
            $"{Format.Sparse(experiment.Restoration.CorrectedCounts)}");
    }

    /// <summary>A progress line for logs.</summary>
    public static string ProgressLine(LabelMode mode, int errors, InversionProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"  {LabelModes.Describe(mode, errors)} restart {p.Restart + 1} iteration {p.Iteration}: cost " +
        $"{p.GradientCost:G4}");

    /// <summary>The result line of one reconstruction.</summary>
    public static string TrialLine(InversionTrial t) => string.Create(CultureInfo.InvariantCulture,
        $"{LabelModes.Describe(t.Mode, t.LabelErrors)}: PSNR {t.Scores.MeanPsnr:F2} dB, SSIM {t.Scores.MeanSsim:F3}, " +
        $"gradient cost {t.Result.GradientCost:G4} ({t.Seconds:F1} s)");

    /// <summary>PSNR(restored labels, no errors) − PSNR(shared joint label), when both ran.</summary>
    public static double? Gain(IReadOnlyList<InversionTrial> trials)
    {
        var shared = trials.FirstOrDefault(t => t.Mode == LabelMode.JointShared);
        var restored = trials.FirstOrDefault(t => t.Mode == LabelMode.ILrg && t.LabelErrors == 0);
        return shared is not null && restored is not null ? restored.Scores.MeanPsnr - shared.Scores.MeanPsnr : null;
    }

    /// <summary>pairs-&lt;mode&gt;.png per run, loss.png, and sensitivity.png for a label-error sweep.</summary>
    public static void WritePictures(
        string folder, IReadOnlyList<InversionTrial> trials, InversionExperiment experiment, ImageShape shape)
    {
        foreach (InversionTrial t in trials)
        {
            InversionPictures.WriteMatchedGrid(
                Path.Combine(folder, $"pairs-{LabelModes.Describe(t.Mode, t.LabelErrors)}.png"), t.Result.Pixels,
                experiment.TruthPixels, t.Scores.Match, shape);
        }

        InversionPictures.WriteLossCurves(
            Path.Combine(folder, "loss.png"),
            trials.Select(t => (LabelModes.Describe(t.Mode, t.LabelErrors), (IReadOnlyList<double>)t.Result.LossCurve,
                t.Result.CurveStep)).ToList());
        var sweep = trials.Where(t => t.Mode == LabelMode.ILrg).ToList();
        if (sweep.Count > 1)
        {
            InversionPictures.WritePsnrVersusErrors(
                Path.Combine(folder, "sensitivity.png"), sweep.Select(t => t.LabelErrors).ToList(),
                sweep.Select(t => t.Scores.MeanPsnr).ToList(),
                trials.FirstOrDefault(t => t.Mode == LabelMode.JointShared)?.Scores.MeanPsnr);
        }
    }

    /// <summary>Per-image table of one reconstruction.</summary>
    public static Table ImageTable(InversionTrial trial, IReadOnlyList<int> trueLabels)
    {
        var table = new Table().Title(Markup.Escape(LabelModes.Describe(trial.Mode, trial.LabelErrors)))
            .AddColumns("image", "label", "matched truth", "true label", "PSNR (dB)", "SSIM");
        var s = trial.Scores;
        for (int i = 0; i < s.Match.Length; i++)
        {
            table.AddRow(
                Format.I(i), Format.I(trial.Result.Labels[i]), Format.I(s.Match[i]), Format.I(trueLabels[s.Match[i]]),
                s.Psnr[i].ToString("F2", CultureInfo.InvariantCulture), s.Ssim.IsEmpty ? "-" : Format.F3(s.Ssim[i]));
        }

        return table;
    }

    /// <summary>One row per reconstruction.</summary>
    public static Table Summary(IReadOnlyList<InversionTrial> trials)
    {
        var table = new Table().AddColumns("labels", "wrong labels", "mean PSNR (dB)", "mean SSIM", "gradient cost",
            "seconds");
        foreach (var t in trials)
        {
            table.AddRow(
                LabelModes.Describe(t.Mode), Format.I(t.LabelErrors),
                t.Scores.MeanPsnr.ToString("F2", CultureInfo.InvariantCulture), Format.F3(t.Scores.MeanSsim),
                t.Result.GradientCost.ToString("G4", CultureInfo.InvariantCulture),
                t.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
