using System.Diagnostics;
using System.Globalization;
using ILrg.Data;
using ILrg.Training;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>
/// A claim beyond the paper (issue 12): the 95% lower bound of a metric, over trials, must pass the gate for every
/// seed; optionally on a model trained first (with <see cref="Trainer"/>, as <c>ilrg train</c>).
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Human description (says "beyond the paper").</param>
/// <param name="Experiment">The attack; its seed is replaced by each of <paramref name="Seeds"/>.</param>
/// <param name="Seeds">The seeds every one of which must pass.</param>
/// <param name="Metric">The summary metric whose interval is gated (lnAcc).</param>
/// <param name="Paper">The paper's figure for the setting (iLRG's), when it has one.</param>
/// <param name="Threshold">The gate on the lower bound (from the issue).</param>
/// <param name="Training">When set, the model is trained with these options first (its initial weights from the
/// options' seed) on <see cref="ExperimentSpec.Dataset"/>, and the final checkpoint is attacked.</param>
/// <param name="Note">What the setting assumes (e.g. no auxiliary data).</param>
public sealed record BeyondPaperClaim(
    string Id,
    string Title,
    ExperimentSpec Experiment,
    IReadOnlyList<ulong> Seeds,
    string Metric,
    double? Paper,
    double Threshold,
    TrainingOptions? Training = null,
    string? Note = null) : IClaim
{
    /// <inheritdoc />
    public int Steps => Experiment.Trials * Seeds.Count;

    /// <summary>The gated figure's name in reports: the lower bound, worst over the seeds.</summary>
    public string GatedFigure => string.Create(CultureInfo.InvariantCulture,
        $"{Metric} 95% lower bound, worst of seeds {string.Join(", ", Seeds)}");

    /// <inheritdoc />
    public ClaimOutcome Run(Func<DatasetRequest, IImageDataset> open, Action? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        var clock = Stopwatch.StartNew();
        IImageDataset dataset = open(Experiment.Dataset);
        string? folder = Training is null ? null : Directory.CreateTempSubdirectory("ilrg-beyond-").FullName;
        try
        {
            ExperimentSpec attack = Experiment;
            if (Training is not null)
            {
                IReadOnlyList<TrainingCheckpoint> checkpoints = Trainer.Train(Experiment.Model, dataset, Training, folder!);
                attack = attack with { Model = attack.Model with { CheckpointPath = checkpoints[^1].Path } };
            }

            double worst = double.PositiveInfinity;
            foreach (ulong seed in Seeds)
            {
                ExperimentResult result = ExperimentRunner.Run(attack with { Seed = seed }, dataset, _ => onStep?.Invoke());
                worst = Math.Min(worst, result.Summary.IntervalOf(Metric)?.Low ?? double.NaN);
            }

            CheckOutcome check = new ClaimCheck(GatedFigure, Paper, Threshold).Judge(worst);
            return new ClaimOutcome(Id, Title, dataset.Name, dataset.IsSynthetic, [check], clock.Elapsed.TotalSeconds, Note);
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
