using System.CommandLine;
using System.CommandLine.Parsing;
using ILrg.Audit;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Inversion;
using ILrg.Reporting;
using ILrg.Reporting.Plots;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// The body of <c>ilrg invert --model-state … --gradients … --arch …</c>: inverts a real FedSGD update held in files
/// with the labels of the same update's audit (or the truth), scores it when the true images are given, writes one
/// PNG grid per label mode and the JSON report.
/// </summary>
public static class InvertFiles
{
    private static readonly System.Globalization.CultureInfo Invariant =
        System.Globalization.CultureInfo.InvariantCulture;

    private static readonly string[] Simulation = ["--dataset", "--model"];
    private static readonly string[] RealOnly = ["--gradients", "--arch", "--input-shape", "--final-layer",
        "--normalisation", "--truth-images", "--truth-labels"];

    /// <summary>Makes --dataset and --model optional on <paramref name="verb"/>: a real update needs neither
    /// (<see cref="RequireSimulation"/> checks them otherwise).</summary>
    public static void MakeSimulationOptional(Command verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        foreach (Option o in verb.Options.Where(o => Simulation.Contains(o.Name)))
        {
            o.Required = false;
        }
    }

    /// <summary>The request of an invocation with <c>--model-state</c>.</summary>
    /// <exception cref="ArgumentException">Options of a simulated update, or one missing (named).</exception>
    public static FileInversionRequest Request(
        ParseResult parse, UpdateInversionOptions files, ArchitectureOptions architecture, string inverter,
        InversionSettings settings, IReadOnlyList<int> labelErrors, double? expectGain)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(labelErrors);
        if (Simulation.FirstOrDefault(o => parse.GetResult(o) is OptionResult { Implicit: false }) is { } simulated)
        {
            throw new ArgumentException($"{simulated} simulates an update; --model-state inverts a real one: give one");
        }

        if (labelErrors.Any(k => k != 0) || expectGain is not null)
        {
            throw new ArgumentException(
                "--label-errors and --expect-gain are for simulated updates, not --model-state");
        }

        var (state, gradients, finalLayer, normalisation, truthImages, truthLabels) = files.Bind(parse);
        var (arch, shape, _) = architecture.Bind(parse);
        return new FileInversionRequest(
            state, gradients, parse.GetValue<int>("--batch-size"), arch ?? throw new ArgumentException(
                "--model-state needs --arch, the model's architecture (e.g. fcn, lenet5, torchvision:resnet18)"),
            shape, normalisation, inverter, settings, finalLayer, truthImages, truthLabels,
            parse.GetValue<ulong>("--seed"));
    }

    /// <summary>Checks an invocation without <c>--model-state</c>: a simulated update needs --dataset and --model, and
    /// takes none of the real update's options.</summary>
    /// <exception cref="ArgumentException">One is missing or misplaced (named).</exception>
    public static void RequireSimulation(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (RealOnly.FirstOrDefault(o => parse.GetResult(o) is OptionResult { Implicit: false }) is { } real)
        {
            throw new ArgumentException($"{real} goes with --model-state (inverting a real update)");
        }

        if (Simulation.FirstOrDefault(o => parse.GetResult(o) is not OptionResult { Implicit: false }) is { } missing)
        {
            throw new ArgumentException(
                $"{missing} is required to simulate an update (or give --model-state, --gradients and --arch to " +
                "invert a real one)");
        }
    }

    /// <summary>Runs the inversion in every label mode and prints it.</summary>
    public static int Execute(
        FileInversionRequest request, IReadOnlyList<LabelMode> modes, DirectoryInfo folder, FileInfo? report,
        TextWriter output, VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(folder);
        var started = DateTimeOffset.UtcNow;
        IAnsiConsole console = Terminal.For(output);
        using var inversion = new FileInversion(request);
        console.WriteLine(inversion.FinalLayer.Reason);
        console.WriteLine($"model: {request.Architecture}, input {inversion.Shape}, N = {request.BatchSize}");
        console.WriteLine("audit: " + inversion.Audit.Verdict);
        console.WriteLine("restored counts: " + Format.Sparse(inversion.Restoration.CorrectedCounts));
        var runs = new List<FileInversionRun>();
        foreach (LabelMode mode in modes)
        {
            FileInversionRun r = inversion.Run(mode, cancellation: run?.Cancellation ?? default);
            runs.Add(r);
            string picture = Path.Combine(folder.FullName, $"{EnumText.Of(mode)}.png");
            InversionPictures.WriteGrid(picture, r.Result.Pixels, inversion.Shape);
            string score = r.Scores is { } s
                ? string.Create(Invariant, $"mean PSNR {s.MeanPsnr:F2} dB, SSIM {s.MeanSsim:F3}")
                : "not scored (no --truth-images)";
            double cost = r.Result.GradientCost;
            console.WriteLine(string.Create(Invariant,
                $"{EnumText.Of(mode)}: {score}, gradient cost {cost:G4}, {r.Seconds:F1} s, {picture}"));
        }

        var manifest = RunManifest.Create("ilrg invert", request.Seed, request, [], started);
        Terminal.WriteReport(console, report, FileInversionReport.Create(inversion, runs, manifest));
        return ExitCodes.Ok;
    }
}
