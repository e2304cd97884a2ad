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
/// A row of the paper's defence table (SPEC.md §9, issue 11): one defence at several strengths, each gated. Every
/// trial's update is computed once and defended at every strength by the pipeline's defence stage
/// (<see cref="FederatedStages.Defend"/>, the same seeds as <c>ilrg run --defence</c>), so the strengths are
/// compared on identical updates, as in the paper, at a third of the cost of separate runs.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Human description.</param>
/// <param name="Experiment">The undefended experiment (its method restores).</param>
/// <param name="Kind">The defence.</param>
/// <param name="Rows">Strengths with the gated figure of each (its metric a <see cref="LabelSummary.Metric"/>
/// name).</param>
/// <param name="Note">Why the setting differs from the paper.</param>
public sealed record DefenceRowClaim(
    string Id, string Title, ExperimentSpec Experiment, DefenceKind Kind,
    IReadOnlyList<(double Strength, ClaimCheck Check)> Rows, string? Note = null) : IClaim
{
    /// <inheritdoc />
    public int Steps => Experiment.Trials;

    /// <inheritdoc />
    public ClaimOutcome Run(Func<DatasetRequest, IImageDataset> open, Action? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        var clock = Stopwatch.StartNew();
        IImageDataset dataset = open(Experiment.Dataset);
        TrialPipeline.Validate(Experiment, dataset);
        RestorerDescriptor method = RestorerRegistry.Find(Experiment.Method);
        var sampler = new BatchSampler(dataset);
        var scores = Rows.Select(_ => new List<TrialLabelScores>()).ToList();
        for (int t = 0; t < Experiment.Trials; t++)
        {
            using var scope = NewDisposeScope();
            using PreparedTrial trial = TrialPipeline.Prepare(Experiment, dataset, sampler, t);
            for (int r = 0; r < Rows.Count; r++)
            {
                var defence = new UpdateDefence(Kind, Rows[r].Strength);
                ClientUpdate shared = FederatedStages.Defend(Experiment, defence, trial.Model, trial.Batch,
                    trial.Update, t);
                LastLayerObservation observation = AttackerView.Observe(trial.Model, shared);
                using var inner = NewDisposeScope();
                LabelRestoration restored = method.Create(RestorerContext.ObservationOnly(0, Experiment.Alpha))
                    .Restore(observation);
                scores[r].Add(LabelMetrics.Score(trial.TrueCounts, restored.Counts));
            }

            onStep?.Invoke();
        }

        var checks = Rows.Select((row, r) =>
        {
            CheckOutcome judged = row.Check.Judge(LabelSummary.Of(scores[r]).Metric(row.Check.Metric));
            return judged with { Metric = $"{row.Check.Metric} @ {new UpdateDefence(Kind, row.Strength).Describe()}" };
        }).ToList();
        return new ClaimOutcome(Id, Title, dataset.Name, dataset.IsSynthetic, checks, clock.Elapsed.TotalSeconds, Note);
    }
}
