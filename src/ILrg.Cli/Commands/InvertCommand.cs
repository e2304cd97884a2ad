using System.CommandLine;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Inversion;
using ILrg.Reporting;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary><c>ilrg invert</c>: reconstruct a batch from its whole-model gradient in one or more label modes.</summary>
public static class InvertCommand
{
    /// <summary>Everything one invocation does.</summary>
    /// <param name="Spec">The experiment.</param>
    /// <param name="Modes">Label modes to run against the same update.</param>
    /// <param name="LabelErrors">Wrong-label counts for the restored-label mode (more than one value is a sweep).</param>
    /// <param name="Out">Folder of the PNGs.</param>
    /// <param name="Report">JSON report path.</param>
    /// <param name="ExpectGain">Exit 2 unless the gain of restored labels over the shared joint label reaches this.</param>
    public sealed record Request(
        InversionSpec Spec, IReadOnlyList<LabelMode> Modes, IReadOnlyList<int> LabelErrors, DirectoryInfo Out,
        FileInfo? Report, double? ExpectGain);

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new ExperimentOptions(MethodOptions.Choice.None, withTrials: false);
        var inversion = new InversionOptions();
        var outputs = new OutputOptions(outFolder: "Folder for the PNGs");
        var command = new Command("invert", "Reconstruct a client's images from its gradient (IG / DLG) with restored labels")
            .With(experiment, inversion, outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
        {
            var (inverter, settings, modes, errors, gain) = inversion.Bind(parse);
            if (gain is not null && !(modes.Contains(LabelMode.ILrg) && modes.Contains(LabelMode.JointShared)))
            {
                throw new ArgumentException("--expect-gain needs --labels with both ilrg and joint-shared");
            }

            var (report, _, folder) = outputs.Bind(parse);
            var spec = new InversionSpec(experiment.Bind(parse), inverter, settings);
            return Execute(new Request(spec, modes, errors, folder!, report, gain), output, error, run);
        }));
        return command;
    }

    /// <summary>Runs the request and prints it; the body of the verb.</summary>
    public static int Execute(Request request, TextWriter output, TextWriter error, VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = DateTimeOffset.UtcNow;
        IAnsiConsole console = Terminal.For(output);
        IImageDataset data = DatasetCatalog.Open(request.Spec.Experiment.Dataset, line => error.WriteLine(line));
        using var experiment = new InversionExperiment(request.Spec, data);
        console.WriteLine(InversionViews.Header(request.Spec, data, experiment));
        var finished = new Collected<InversionTrial>();
        InversionReport Report(IReadOnlyList<InversionTrial> trials, bool interrupted) => new(
            RunManifest.Create("ilrg invert", request.Spec.Experiment.Seed, request, [data], started),
            [.. experiment.TrueCounts], experiment.Restoration.CorrectedCounts, experiment.PrepareSeconds,
            [.. trials.Select(t => InversionReport.Of(t, experiment.TrueLabels))], InversionViews.Gain(trials), interrupted);
        run?.OnInterruption(request.Report, () => finished.Snapshot() is var done ? (Report(done, true), done.Count) : default);
        var jobs = request.Modes.SelectMany(mode => mode == LabelMode.ILrg
            ? request.LabelErrors.Select(k => (mode, k))
            : [(mode, 0)]).ToList();
        InversionSettings s = request.Spec.Settings;
        int perRun = s.Restarts * ((s.Iterations + s.ProgressEvery - 1) / s.ProgressEvery);
        List<InversionTrial> trials = Terminal.WithProgress(console, "inverting", jobs.Count * perRun, tick =>
            jobs.Select(job =>
            {
                InversionTrial t = experiment.Run(job.mode, job.k, cancellation: run?.Cancellation ?? default, progress: p =>
                {
                    tick();
                    if (!console.Profile.Capabilities.Interactive && p.Iteration % Math.Max(1, s.Iterations / 4) == 1)
                    {
                        console.WriteLine(InversionViews.ProgressLine(job.mode, job.k, p));
                    }
                });
                finished.Add(t);
                console.WriteLine(InversionViews.TrialLine(t));
                return t;
            }).ToList());

        InversionViews.WritePictures(request.Out.FullName, trials, experiment, data.Shape);
        foreach (InversionTrial t in trials)
        {
            console.Write(InversionViews.ImageTable(t, experiment.TrueLabels));
        }

        console.Write(InversionViews.Summary(trials));
        double? gain = InversionViews.Gain(trials);
        if (gain is { } g)
        {
            console.WriteLine($"PSNR gain of restored labels over the shared joint label: {g:+0.00;-0.00} dB " +
                              "(paper: MNIST +6 to +7, CIFAR-100 +5.8 to +7.5)");
        }

        console.WriteLine($"pictures: {request.Out.FullName}");
        Terminal.WriteReport(console, request.Report, Report(trials, interrupted: false));
        if (request.ExpectGain is { } expected && !(gain >= expected))
        {
            error.WriteLine($"ilrg: check failed: gain {gain:F2} dB < {expected:F2} dB");
            return ExitCodes.CheckFailed;
        }

        return ExitCodes.Ok;
    }
}
