using ILrg.Data;
using ILrg.Metrics;
using ILrg.Reporting;
using ILrg.Training;

namespace ILrg.Trials;

/// <summary>Trains with <see cref="Trainer"/> and attacks every checkpoint through the <see cref="TrialPipeline"/>.</summary>
public static class TrendRunner
{
    /// <summary>Runs the trend.</summary>
    /// <param name="spec">What to train and attack.</param>
    /// <param name="open">Opens a dataset.</param>
    /// <param name="onCheckpoint">Called after each checkpoint is saved.</param>
    /// <param name="onAttack">Called after each checkpoint is attacked.</param>
    /// <param name="cancellation">Checked before every training step and every attacked trial.</param>
    public static TrendResult Run(
        TrainingTrendSpec spec, Func<DatasetRequest, IImageDataset> open, Action<TrainingCheckpoint>? onCheckpoint = null,
        Action<TrendPoint>? onAttack = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(open);
        var started = DateTimeOffset.UtcNow;
        IImageDataset train = open(spec.TrainData);
        IReadOnlyList<TrainingCheckpoint> checkpoints = Trainer.Train(
            spec.Model, train, spec.Options, spec.OutputDirectory, onCheckpoint, cancellation);
        var points = checkpoints.Select(c => new TrendPoint(c.Iteration, c.TrainLoss, c.TrainAccuracy, c.Path, null)).ToList();
        var datasets = new List<IImageDataset> { train };
        if (spec.AttackBatchSize is { } n)
        {
            IImageDataset attackData = spec.AttackData == spec.TrainData ? train : open(spec.AttackData);
            datasets.Add(attackData);
            for (int i = 0; i < points.Count; i++)
            {
                var experiment = new ExperimentSpec(
                    spec.AttackData, spec.Model with { CheckpointPath = points[i].Checkpoint }, n, spec.AttackTrials,
                    spec.Options.Seed);
                LabelSummary s = ExperimentRunner.Run(experiment, attackData, cancellation: cancellation).Summary;
                points[i] = points[i] with { Attack = s };
                onAttack?.Invoke(points[i]);
            }
        }

        return new TrendResult(
            RunManifest.Create("ilrg train", spec.Options.Seed, spec, datasets, started), spec, points);
    }
}
