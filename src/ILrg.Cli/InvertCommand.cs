using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ILrg.Data;
using ILrg.Experiments;
using ILrg.Inversion;
using ILrg.Models;
using ILrg.Reporting;
using Spectre.Console;

namespace ILrg.Cli;

/// <summary><c>ilrg invert</c>: reconstruct a batch from its whole-model gradient in one or more label modes.</summary>
public static class InvertCommand
{
    private static readonly string[] LabelNames = ["gt", "ilrg", "joint-shared", "joint-per-image"];

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dataset = CommonOptions.OneOf("--dataset", "Dataset", DatasetCatalog.Names, null);
        var model = CommonOptions.OneOf("--model", "Model", ModelZoo.Names, null);
        var hidden = CommonOptions.AtLeast("--n-hidden", "FCN: hidden layers after the first (1 = FCN-3)", 0, 1);
        var width = CommonOptions.AtLeast("--width", "FCN: hidden width", 1, 300);
        var batchSize = CommonOptions.AtLeast("--batch-size", "Batch size N", 1);
        var labels = new Option<string>("--labels")
        {
            Description = "Label modes, comma-separated (gt | ilrg | joint-shared | joint-per-image)",
            DefaultValueFactory = _ => "ilrg",
        };
        var method = CommonOptions.OneOf("--method", "Inverter", ["ig", "dlg"], "ig");
        var iterations = CommonOptions.AtLeast("--iterations", "Iterations per restart", 1, 8000);
        var restarts = CommonOptions.AtLeast("--restarts", "Restarts (best by gradient cost)", 1, 3);
        var seed = CommonOptions.Seed();
        var tv = new Option<double>("--tv") { Description = "TV prior weight", DefaultValueFactory = _ => 1e-4 };
        var l2 = new Option<double>("--l2") { Description = "L2 prior weight", DefaultValueFactory = _ => 0.0 };
        var lr = new Option<double?>("--lr") { Description = "Step size (default: IG 0.1, DLG 1)" };
        var earlyStop = new Option<int?>("--early-stop") { Description = "Stop a restart after this many iterations without improvement" };
        var distribution = CommonOptions.OneOf("--distribution", "Batch label distribution", ["random", "balanced", "random2"], "random");
        var classesInBatch = new Option<int?>("--classes-in-batch") { Description = "m for balanced / random2" };
        var rgb32 = new Option<bool>("--rgb32") { Description = "Upscale the grey images to 32x32 and replicate to 3 channels" };
        var labelErrors = new Option<string>("--label-errors")
        {
            Description = "With ilrg: replace k labels by wrong ones; a list (0,1,2,4,8) runs a sweep and plots PSNR vs k",
            DefaultValueFactory = _ => "0",
        };
        var expectGain = new Option<double?>("--expect-gain") { Description = "Exit 2 unless PSNR(ilrg) − PSNR(joint-shared) ≥ this (dB)" };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Folder of IDX files" };
        var split = CommonOptions.OneOf("--split", "IDX split", ["train", "test"], "test");
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for the PNGs", Required = true };
        var report = CommonOptions.Report();

        var command = new Command("invert", "Reconstruct a client's images from its gradient (IG / DLG) with restored labels")
        {
            dataset, model, hidden, width, batchSize, labels, method, iterations, restarts, seed, tv, l2, lr, earlyStop,
            distribution, classesInBatch, rgb32, labelErrors, expectGain, dataDir, split, outDir, report,
        };
        command.SetAction(parse => CommandLine.Guarded(error, () =>
        {
            string m = parse.GetValue(method)!.ToLowerInvariant();
            var settings = new InversionSettings(
                parse.GetValue(iterations), parse.GetValue(restarts), 0, parse.GetValue(lr) ?? (m == "dlg" ? 1.0 : 0.1),
                parse.GetValue(tv), parse.GetValue(l2), parse.GetValue(earlyStop));
            var spec = new InversionSpec(
                new DatasetRequest(parse.GetValue(dataset)!.ToLowerInvariant(), parse.GetValue(dataDir)?.FullName, parse.GetValue(split)!),
                new ModelSpec(parse.GetValue(model)!.ToLowerInvariant(), parse.GetValue(hidden), parse.GetValue(width)),
                parse.GetValue(batchSize), parse.GetValue(seed), m, settings,
                ExperimentOptions.ParseDistribution(parse.GetValue(distribution)!), parse.GetValue(classesInBatch), parse.GetValue(rgb32));
            var request = new InvertRequest(
                spec, ParseModes(parse.GetValue(labels)!), ParseErrors(parse.GetValue(labelErrors)!),
                parse.GetValue(outDir)!, parse.GetValue(report), parse.GetValue(expectGain));
            return Execute(request, output, error);
        }));
        return command;
    }

    /// <summary>Runs the request and prints it; the body of the verb.</summary>
    public static int Execute(InvertRequest request, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        IAnsiConsole console = Terminal.For(output);
        var (data, normalisation) = OpenData(request.Spec, error);
        using var experiment = new InversionExperiment(request.Spec, data, normalisation);
        var s = request.Spec;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Method} on {data.Name}, model {s.Model.Name}, N={s.BatchSize}, {s.Settings.Iterations} iterations × " +
            $"{s.Settings.Restarts} restarts, tv {s.Settings.TotalVariation:G3}, seed {s.Seed}"));
        console.WriteLine($"true counts {Terminal.Sparse(experiment.TrueCounts)}; iLRG mod_res " +
                          $"{Terminal.Sparse(experiment.Restoration.CorrectedCounts)}");

        var jobs = request.Modes.SelectMany(mode => mode == LabelMode.ILrg
            ? request.LabelErrors.Select(k => (mode, k))
            : [(mode, 0)]).ToList();
        int perRun = s.Settings.Restarts * ((s.Settings.Iterations + s.Settings.ProgressEvery - 1) / s.Settings.ProgressEvery);
        var trials = Terminal.WithProgress(console, "inverting", jobs.Count * perRun, tick =>
            jobs.Select(job =>
            {
                InversionTrial t = experiment.Run(job.mode, job.k, p =>
                {
                    tick();
                    if (!console.Profile.Capabilities.Interactive && p.Iteration % Math.Max(1, s.Settings.Iterations / 4) == 1)
                    {
                        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {Describe(job.mode, job.k)} restart {p.Restart + 1} iteration {p.Iteration}: cost {p.GradientCost:G4}"));
                    }
                });
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Describe(t.Mode, t.LabelErrors)}: PSNR {t.Scores.MeanPsnr:F2} dB, SSIM {t.Scores.MeanSsim:F3}, " +
                    $"gradient cost {t.Result.GradientCost:G4} ({t.Seconds:F1} s)"));
                return t;
            }).ToList());

        foreach (InversionTrial t in trials)
        {
            console.Write(ImageTable(t, experiment.TrueLabels));
            string name = Describe(t.Mode, t.LabelErrors);
            InversionPictures.WriteMatchedGrid(
                Path.Combine(request.Out.FullName, $"pairs-{name}.png"), t.Result.Pixels, experiment.TruthPixels, t.Scores.Match,
                data.Shape);
        }

        InversionPictures.WriteLossCurves(
            Path.Combine(request.Out.FullName, "loss.png"),
            trials.Select(t => (Describe(t.Mode, t.LabelErrors), (IReadOnlyList<double>)t.Result.LossCurve, t.Result.CurveStep)).ToList());
        var shared = trials.FirstOrDefault(t => t.Mode == LabelMode.JointShared);
        var ilrg = trials.FirstOrDefault(t => t.Mode == LabelMode.ILrg && t.LabelErrors == 0);
        var sweep = trials.Where(t => t.Mode == LabelMode.ILrg).ToList();
        if (sweep.Count > 1)
        {
            InversionPictures.WritePsnrVersusErrors(
                Path.Combine(request.Out.FullName, "sensitivity.png"), sweep.Select(t => t.LabelErrors).ToList(),
                sweep.Select(t => t.Scores.MeanPsnr).ToList(), shared?.Scores.MeanPsnr);
        }

        console.Write(SummaryTable(trials));
        double? gain = shared is not null && ilrg is not null ? ilrg.Scores.MeanPsnr - shared.Scores.MeanPsnr : null;
        if (gain is { } g)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PSNR gain of iLRG labels over the shared joint label: {g:+0.00;-0.00} dB (paper: MNIST +6 to +7, CIFAR-100 +5.8 to +7.5)"));
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pictures: {request.Out.FullName}; total {clock.Elapsed.TotalSeconds:F1} s"));
        if (request.Report is not null)
        {
            var report = new InversionReport(
                InversionReport.Provenance.Current(), s, data.Name, [.. experiment.TrueCounts],
                experiment.Restoration.CorrectedCounts, experiment.PrepareSeconds,
                [.. trials.Select(t => InversionReport.Of(t, experiment.TrueLabels))], gain, clock.Elapsed.TotalSeconds);
            ResultJson.Write(request.Report.FullName, report);
            console.WriteLine($"report: {request.Report.FullName}");
        }

        if (request.ExpectGain is { } expected)
        {
            if (gain is null)
            {
                throw new ArgumentException("--expect-gain needs --labels with both ilrg and joint-shared");
            }

            if (gain < expected)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ilrg: check failed: gain {gain:F2} dB < {expected:F2} dB"));
                return ExitCodes.CheckFailed;
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Per-image table of one trial.</summary>
    public static Table ImageTable(InversionTrial trial, IReadOnlyList<int> trueLabels)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(trueLabels);
        var table = new Table().Title(Markup.Escape(Describe(trial.Mode, trial.LabelErrors)))
            .AddColumns("image", "label", "matched truth", "true label", "PSNR (dB)", "SSIM");
        var s = trial.Scores;
        for (int i = 0; i < s.Match.Length; i++)
        {
            table.AddRow(
                I(i), I(trial.Result.Labels[i]), I(s.Match[i]), I(trueLabels[s.Match[i]]),
                s.Psnr[i].ToString("F2", CultureInfo.InvariantCulture),
                s.Ssim.IsEmpty ? "-" : s.Ssim[i].ToString("F3", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static Table SummaryTable(IReadOnlyList<InversionTrial> trials)
    {
        var table = new Table().AddColumns("labels", "wrong labels", "mean PSNR (dB)", "mean SSIM", "gradient cost", "seconds");
        foreach (var t in trials)
        {
            table.AddRow(
                Describe(t.Mode, 0), I(t.LabelErrors), t.Scores.MeanPsnr.ToString("F2", CultureInfo.InvariantCulture),
                t.Scores.MeanSsim.ToString("F3", CultureInfo.InvariantCulture),
                t.Result.GradientCost.ToString("G4", CultureInfo.InvariantCulture), t.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static (IImageDataset Data, Normalisation Normalisation) OpenData(InversionSpec spec, TextWriter error)
    {
        IImageDataset inner = DatasetCatalog.Open(spec.Dataset, line => error.WriteLine(line));
        Normalisation normalisation = inner.IsSynthetic && inner.Shape.Channels == 3 ? Normalisation.Cifar100 : Normalisation.Mnist;
        if (!spec.Rgb32)
        {
            return (inner, normalisation);
        }

        var adapted = new Rgb32Dataset(inner, normalisation);
        return (adapted, adapted.Normalisation);
    }

    internal static string Describe(LabelMode mode, int errors) => mode switch
    {
        LabelMode.GroundTruth => "gt",
        LabelMode.ILrg => errors == 0 ? "ilrg" : $"ilrg-{errors}-wrong",
        LabelMode.JointShared => "joint-shared",
        _ => "joint-per-image",
    };

    internal static IReadOnlyList<LabelMode> ParseModes(string text)
    {
        var modes = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant() switch
        {
            "gt" => LabelMode.GroundTruth,
            "ilrg" => LabelMode.ILrg,
            "joint-shared" => LabelMode.JointShared,
            "joint-per-image" => LabelMode.JointPerImage,
            _ => throw new ArgumentException($"unknown label mode '{t}'; expected one of: {string.Join(", ", LabelNames)}"),
        }).Distinct().ToList();
        return modes.Count > 0 ? modes : throw new ArgumentException("--labels names no label mode");
    }

    internal static IReadOnlyList<int> ParseErrors(string text)
    {
        var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
            int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int k)
                ? k
                : throw new ArgumentException($"--label-errors: '{t}' is not a non-negative integer")).Distinct().ToList();
        return values.Count > 0 ? values : throw new ArgumentException("--label-errors names no value");
    }
}
