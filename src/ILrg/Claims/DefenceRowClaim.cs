using System.Diagnostics;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Metrics;
using ILrg.Restoration;
using ILrg.Restoration.Registry;
using ILrg.Trials;
using static TorchSharp.torch;

namespace ILrg.Claims;

/// <summary>
/// A defence row of the paper (SPEC.md §9): iLRG on one update per trial, defended at each of several strengths. Every
/// strength attacks the same clean update of the trial (the client's work is done once), so the row's figures differ
/// only by the defence. K runs of T trials under the paper's protocol (one model per run), judged like every claim.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Human description.</param>
/// <param name="Suite">The smallest suite that holds the claim.</param>
/// <param name="Experiment">The undefended setting; its Trials is T per run, its Seed the base seed.</param>
/// <param name="Runs">K.</param>
/// <param name="Kind">The defence.</param>
/// <param name="Rows">Each strength with the paper's iLRG LeAcc under it.</param>
/// <param name="TrialSeconds">Estimated seconds of one trial with every strength (2 quiet cores).</param>
/// <param name="Note">Why the setting differs from the paper (the stand-in).</param>
public sealed record DefenceRowClaim(
    string Id, string Title, string Suite, ExperimentSpec Experiment, int Runs, DefenceKind Kind,
    IReadOnlyList<(double Strength, double PaperLeAcc)> Rows, double TrialSeconds, string? Note = null) : IClaim
{
    /// <summary>The name under which the figures of one strength are recorded, e.g. "ilrg@dp 0.001".</summary>
    public string MethodAt(double strength) => $"{Experiment.Method}@{new UpdateDefence(Kind, strength).Describe()}";

    /// <inheritdoc />
    public ClaimPlan Plan => new(
        Id, Title, Suite, TrialFigures.Describe(Experiment.Dataset), Experiment.Dataset.Name == "synthetic",
        TrialFigures.ClassesOf(Experiment.Dataset), Experiment.BatchSize, Experiment.Seed, Runs, Experiment.Trials,
        false, [.. Rows.Select(r => ClaimCheck.Figure(MethodAt(r.Strength), "leAcc", r.PaperLeAcc))],
        Runs * Experiment.Trials * TrialSeconds, Note);

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Measure(int unit, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (run, index) = Plan.TrialsOf(unit).Single();
        ExperimentSpec spec = Experiment with
        {
            Seed = Numerics.SeedStreams.RunSeed(Experiment.Seed, run),
            ModelPer = ModelProtocol.Run,
            Device = context.Device,
        };
        IImageDataset data = context.Open(spec.Dataset);
        TrialPipeline.Validate(spec, data);
        RestorerDescriptor method = RestorerRegistry.Find(spec.Method);
        var clock = Stopwatch.StartNew();
        var values = new Dictionary<string, double>();
        var counts = new Dictionary<string, string>();
        using (NewDisposeScope())
        {
            using PreparedTrial trial = TrialPipeline.Prepare(spec, data, context.SamplerFor(data), index);
            counts["truth"] = TrialFigures.Sparse(trial.TrueCounts);
            foreach (var (strength, _) in Rows)
            {
                using var inner = NewDisposeScope();
                ClientUpdate shared = FederatedStages.Defend(
                    spec, new UpdateDefence(Kind, strength), trial.Model, trial.Batch, trial.Update, index);
                LastLayerObservation observation = AttackerView.Observe(trial.Model, shared);
                LabelRestoration restored =
                    method.Create(RestorerContext.ObservationOnly(0, spec.Alpha)).Restore(observation);
                TrialFigures.Add(values, MethodAt(strength), LabelMetrics.Score(trial.TrueCounts, restored.Counts));
                counts[MethodAt(strength)] = TrialFigures.Sparse(restored.Counts);
            }
        }

        context.Step();
        return [new TrialRecord(Id, run, index, spec.Seed, values, counts, clock.Elapsed.TotalSeconds)];
    }
}
