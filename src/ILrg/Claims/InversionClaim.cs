using System.Diagnostics;
using ILrg.Data;
using ILrg.Inversion;
using ILrg.Numerics;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>
/// The paper's image-reconstruction claim (SPEC.md §8–9): Inverting Gradients with the restored labels beats the
/// reference's joint optimisation with one shared soft label by a PSNR gain in dB. A unit is a whole run (one batch,
/// inverted once per label mode); K runs use seeds base + k.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Human description.</param>
/// <param name="Suite">quick, full or accelerator.</param>
/// <param name="Spec">The inversion experiment (its seed is the base seed).</param>
/// <param name="Runs">K.</param>
/// <param name="Check">The gate on <c>psnrGainDb</c> = PSNR(restored labels) − PSNR(shared joint label).</param>
/// <param name="RunSeconds">Estimated seconds of one run (both label modes; 2 quiet cores, CPU build).</param>
/// <param name="Note">How the setting differs from the paper's.</param>
public sealed record InversionClaim(
    string Id, string Title, string Suite, InversionSpec Spec, int Runs, ClaimCheck Check, double RunSeconds,
    string? Note = null) : IClaim
{
    /// <summary>The gated metric's name.</summary>
    public const string GainMetric = "psnrGainDb";

    /// <inheritdoc />
    public ClaimPlan Plan => new(
        Id, Title, Suite, TrialFigures.Describe(Spec.Experiment.Dataset), Spec.Experiment.Dataset.Name == "synthetic",
        TrialFigures.ClassesOf(Spec.Experiment.Dataset), Spec.Experiment.BatchSize, Spec.Experiment.Seed, Runs, 1,
        true, [Check],
        Runs * RunSeconds, Note);

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Measure(int unit, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (run, _) = Plan.TrialsOf(unit).Single();
        var clock = Stopwatch.StartNew();
        ulong seed = SeedStreams.RunSeed(Spec.Experiment.Seed, run);
        InversionSpec spec = Spec with { Experiment = Spec.Experiment with { Seed = seed, Device = context.Device } };
        IImageDataset dataset = context.Open(spec.Experiment.Dataset);
        using var experiment = new InversionExperiment(spec, dataset);
        double restored = experiment.Run(LabelMode.ILrg).Scores.MeanPsnr;
        context.Step();
        double shared = experiment.Run(LabelMode.JointShared).Scores.MeanPsnr;
        context.Step();
        var values = new Dictionary<string, double>
        {
            [GainMetric] = restored - shared,
            ["ilrg:psnr"] = restored,
            ["joint-shared:psnr"] = shared,
        };
        return [new TrialRecord(Id, run, 0, seed, values, null, clock.Elapsed.TotalSeconds)];
    }
}
