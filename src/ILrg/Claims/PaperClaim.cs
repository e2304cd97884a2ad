using System.Diagnostics;
using ILrg.Data;
using ILrg.Restoration.Registry;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>A label-restoration claim of the paper: one setting, K runs of T trials under the paper's protocol (one
/// model per run, <see cref="ModelProtocol.Run"/>), every checked method restoring from the same update in each trial.
/// </summary>
/// <param name="Id">Stable identifier (used in reports and goldens).</param>
/// <param name="Title">Human description.</param>
/// <param name="Suite">quick, full or accelerator.</param>
/// <param name="Experiment">The setting; its Trials is T per run, its Seed the base seed (run k: seed + k).</param>
/// <param name="Runs">K.</param>
/// <param name="Checks">The judged figures, each naming its method.</param>
/// <param name="TrialSeconds">Estimated seconds of one trial with every method (2 quiet cores, CPU build).</param>
/// <param name="Note">Why the setting differs from the paper, if it does (e.g. a synthetic stand-in).</param>
/// <param name="X">The varied value when the claim is a point of a curve.</param>
public sealed record PaperClaim(
    string Id, string Title, string Suite, ExperimentSpec Experiment, int Runs, IReadOnlyList<ClaimCheck> Checks,
    double TrialSeconds, string? Note = null, double? X = null) : IClaim
{
    /// <inheritdoc />
    public ClaimPlan Plan => new(
        Id, Title, Suite, TrialFigures.Describe(Experiment.Dataset), Experiment.Dataset.Name == "synthetic",
        TrialFigures.ClassesOf(Experiment.Dataset), Experiment.BatchSize, Experiment.Seed, Runs,
        Experiment.Trials, false, Checks,
        Runs * Experiment.Trials * TrialSeconds, Note, X);

    /// <summary>The methods the checks name, in order of first mention.</summary>
    public IReadOnlyList<string> Methods => [.. Checks.Select(c => c.Method ?? Experiment.Method).Distinct()];

    /// <summary>The experiment of run <paramref name="run"/>: seed base + run, one model per run.</summary>
    public ExperimentSpec RunSpec(int run, string device = "cpu") => Experiment with
    {
        Seed = Numerics.SeedStreams.RunSeed(Experiment.Seed, run),
        ModelPer = ModelProtocol.Run,
        Device = device,
    };

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Measure(int unit, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (run, trial) = Plan.TrialsOf(unit).Single();
        ExperimentSpec spec = RunSpec(run, context.Device);
        IImageDataset data = context.Open(spec.Dataset);
        TrialPipeline.Validate(spec, data);
        IReadOnlyList<RestorerDescriptor> methods = RestorerRegistry.Select(string.Join(",", Methods));
        var clock = Stopwatch.StartNew();
        ComparisonTrial t = ComparisonRunner.RunTrial(
            new ComparisonSpec(spec, string.Join(",", Methods)), data, context.SamplerFor(data), methods, trial);
        var values = new Dictionary<string, double>();
        var counts = new Dictionary<string, string> { ["truth"] = TrialFigures.Sparse(t.TrueCounts) };
        foreach (MethodTrial m in t.Methods)
        {
            TrialFigures.Add(values, m.Method, m.Scores);
            counts[m.Method] = TrialFigures.Sparse(m.Counts);
        }

        context.Step();
        return [new TrialRecord(Id, run, trial, spec.Seed, values, counts, clock.Elapsed.TotalSeconds)];
    }
}
