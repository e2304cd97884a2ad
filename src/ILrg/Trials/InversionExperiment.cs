using System.Diagnostics;
using ILrg.Data;
using ILrg.Metrics;
using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Restoration.Registry;
using ILrg.Inversion;
using static TorchSharp.torch;

namespace ILrg.Trials;

/// <summary>
/// Trial 0 of the <see cref="TrialPipeline"/> with a whole-model update and the labels restored from it, prepared once so
/// that several label modes can be inverted against exactly the same update (SPEC.md §8).
/// </summary>
public sealed class InversionExperiment : IDisposable
{
    private const int TrialIndex = 0;
    private readonly PreparedTrial _trial;

    /// <summary>Samples the batch, builds the model, computes the update and restores the labels.</summary>
    /// <exception cref="ArgumentException">Bad configuration.</exception>
    public InversionExperiment(InversionSpec spec, IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        TrialPipeline.Validate(spec.Experiment, dataset, UpdateKind.WholeModel);
        _ = Inverters.Create(spec.Inverter, spec.Settings);
        spec.Settings.Validate();
        Spec = spec;
        Dataset = dataset;
        var clock = Stopwatch.StartNew();
        _trial = TrialPipeline.Prepare(
            spec.Experiment, dataset, new BatchSampler(dataset), TrialIndex, UpdateKind.WholeModel);
        try
        {
            RestorerDescriptor method = RestorerRegistry.Find(spec.Experiment.Method);
            Batch? auxiliary = TrialPipeline.AuxiliaryFor(spec.Experiment, dataset, _trial, [method]);
            Restoration = TrialPipeline.Restore(spec.Experiment, dataset, _trial, method, auxiliary).Restoration;
            PrepareSeconds = clock.Elapsed.TotalSeconds;
            TruthPixels = RawPixels(_trial.Batch, dataset.Normalisation);
        }
        catch
        {
            _trial.Dispose();
            throw;
        }
    }

    /// <summary>The configuration.</summary>
    public InversionSpec Spec { get; }

    /// <summary>The dataset the batch comes from.</summary>
    public IImageDataset Dataset { get; }

    /// <summary>The restoration of the update's last layer (the labels of <see cref="LabelMode.ILrg"/>).</summary>
    public LabelRestoration Restoration { get; }

    /// <summary>The true labels of the batch.</summary>
    public IReadOnlyList<int> TrueLabels => _trial.Batch.Labels;

    /// <summary>True per-class counts.</summary>
    public int[] TrueCounts => [.. _trial.TrueCounts];

    /// <summary>Ground-truth raw [0,1] pixels, image after image (scoring only; never given to an inverter).</summary>
    public float[] TruthPixels { get; }

    /// <summary>Seconds to compute the update and restore the labels.</summary>
    public double PrepareSeconds { get; }

    /// <summary>Inverts the update with the labels of <paramref name="mode"/> and scores the result.</summary>
    /// <param name="mode">The label mode.</param>
    /// <param name="labelErrors">For <see cref="LabelMode.ILrg"/>: how many restored labels to replace by wrong ones.</param>
    /// <param name="progress">Inversion progress.</param>
    /// <param name="cancellation">Checked at every progress report of the inverter.</param>
    public InversionTrial Run(
        LabelMode mode, int labelErrors = 0, Action<InversionProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        int n = Spec.Experiment.BatchSize;
        if (labelErrors < 0 || labelErrors > n)
        {
            throw new ArgumentOutOfRangeException(nameof(labelErrors), labelErrors, $"must be in [0, N = {n}]");
        }

        if (labelErrors > 0 && mode != LabelMode.ILrg)
        {
            throw new ArgumentException($"label errors apply to the restored labels only, not to mode {mode}");
        }

        InversionLabels labels = mode switch
        {
            LabelMode.GroundTruth => InversionLabels.FixedTo(mode, _trial.Batch.Labels),
            LabelMode.ILrg => InversionLabels.FixedTo(mode, WithErrors(Restoration.ToSortedLabels(), labelErrors)),
            _ => InversionLabels.Joint(mode),
        };
        ulong seed = SeedStreams.ForTrial(Spec.Experiment.Seed, SeedPurpose.Inversion, TrialIndex);
        IGradientInverter inverter = Inverters.Create(Spec.Inverter, Spec.Settings with { Seed = seed });
        var problem = new InversionProblem(
            _trial.Model, _trial.Update, Dataset.Shape, Dataset.Normalisation, labels, Spec.Experiment.Mode);
        var clock = Stopwatch.StartNew();
        InversionResult result = inverter.Invert(problem, p =>
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Invoke(p);
        });
        double seconds = clock.Elapsed.TotalSeconds;
        ImageScores scores = ImageScores.Score(result.Pixels, TruthPixels, Dataset.Shape);
        return new InversionTrial(mode, labelErrors, [.. result.Labels.Order()], result, scores, seconds);
    }

    /// <summary>Replaces <paramref name="count"/> labels, at seeded positions, by a different class each.</summary>
    public int[] WithErrors(int[] labels, int count)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int[] result = [.. labels];
        if (count == 0)
        {
            return result;
        }

        int classes = Dataset.Classes;
        if (classes < 2)
        {
            throw new ArgumentException("label errors need at least two classes");
        }

        var rng = new DeterministicRandom(
            SeedStreams.ForTrial(Spec.Experiment.Seed, SeedPurpose.LabelErrors, TrialIndex, (ulong)count));
        foreach (int position in rng.SampleWithoutReplacement(Enumerable.Range(0, labels.Length).ToArray(), count))
        {
            int shift = 1 + rng.NextInt(classes - 1);
            result[position] = (labels[position] + shift) % classes;
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _trial.Dispose();

    private static float[] RawPixels(Batch batch, Normalisation normalisation)
    {
        using var scope = NewDisposeScope();
        ImageShape shape = batch.Dataset.Shape;
        Tensor images = batch.Images();
        float[] values = images.contiguous().data<float>().ToArray();
        int plane = shape.Height * shape.Width;
        for (int i = 0; i < values.Length; i++)
        {
            int ch = i / plane % shape.Channels;
            int k = normalisation.Mean.Count == 1 ? 0 : ch;
            values[i] = (float)Math.Clamp((values[i] * normalisation.Std[k]) + normalisation.Mean[k], 0, 1);
        }

        return values;
    }
}
