using System.Collections.Immutable;
using System.Diagnostics;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Inversion;
using ILrg.Metrics;
using ILrg.Models;
using ILrg.Numerics;
using ILrg.Restoration;
using static TorchSharp.torch;

namespace ILrg.Experiments;

/// <summary>
/// A batch, an untrained model, the client's whole-model update and iLRG's restored labels, prepared once so that
/// several label modes can be inverted against exactly the same update (SPEC.md §8).
/// </summary>
public sealed class InversionExperiment : IDisposable
{
    private const ulong BatchStream = 1, ModelStream = 2, InversionStream = 3, ErrorStream = 4;
    private readonly Classifier _model;
    private readonly Batch _batch;

    /// <summary>Samples the batch, builds the model, computes the update and restores the labels with iLRG.</summary>
    /// <exception cref="ArgumentException">Bad configuration.</exception>
    public InversionExperiment(InversionSpec spec, IImageDataset dataset, Normalisation normalisation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(normalisation);
        Guard.AtLeast(spec.BatchSize, 1, "batch size");
        if (spec.Method is not ("ig" or "dlg"))
        {
            throw new ArgumentException($"unknown inversion method '{spec.Method}'; known: ig, dlg");
        }

        spec.Settings.Validate();
        Spec = spec;
        Dataset = dataset;
        Normalisation = normalisation;
        _batch = new BatchSampler(dataset).Sample(
            spec.BatchSize, spec.Distribution, DeterministicRandom.Derive(spec.Seed, BatchStream), spec.ClassesInBatch);
        using var generator = new Generator(DeterministicRandom.Derive(spec.Seed, ModelStream));
        _model = ModelZoo.Create(spec.Model, dataset.Shape, dataset.Classes, generator);
        var clock = Stopwatch.StartNew();
        Update = Client.FullGradient(_model, _batch);
        Restoration = new ILrgRestorer().Restore(AttackerView.Observe(_model, Update));
        PrepareSeconds = clock.Elapsed.TotalSeconds;
        TruthPixels = RawPixels(_batch, normalisation);
    }

    /// <summary>The configuration.</summary>
    public InversionSpec Spec { get; }

    /// <summary>The dataset the batch comes from.</summary>
    public IImageDataset Dataset { get; }

    /// <summary>The dataset's normalisation (fixes the pixel box).</summary>
    public Normalisation Normalisation { get; }

    /// <summary>The client's whole-model update.</summary>
    public ClientUpdate Update { get; }

    /// <summary>iLRG's restoration from the update's last layer.</summary>
    public LabelRestoration Restoration { get; }

    /// <summary>The true labels of the batch.</summary>
    public IReadOnlyList<int> TrueLabels => _batch.Labels;

    /// <summary>True per-class counts.</summary>
    public int[] TrueCounts => _batch.Counts();

    /// <summary>Ground-truth raw [0,1] pixels, image after image (scoring only; never given to an inverter).</summary>
    public float[] TruthPixels { get; }

    /// <summary>Seconds to compute the update and restore the labels.</summary>
    public double PrepareSeconds { get; }

    /// <summary>Inverts the update with the labels of <paramref name="mode"/> and scores the result.</summary>
    /// <param name="mode">The label mode.</param>
    /// <param name="labelErrors">For <see cref="LabelMode.ILrg"/>: how many restored labels to replace by wrong ones.</param>
    /// <param name="progress">Inversion progress.</param>
    public InversionTrial Run(LabelMode mode, int labelErrors = 0, Action<InversionProgress>? progress = null)
    {
        if (labelErrors < 0 || labelErrors > Spec.BatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(labelErrors), labelErrors, $"must be in [0, N = {Spec.BatchSize}]");
        }

        if (labelErrors > 0 && mode != LabelMode.ILrg)
        {
            throw new ArgumentException($"label errors apply to the iLRG labels only, not to mode {mode}");
        }

        InversionLabels labels = mode switch
        {
            LabelMode.GroundTruth => InversionLabels.FixedTo(mode, _batch.Labels),
            LabelMode.ILrg => InversionLabels.FixedTo(mode, WithErrors(Restoration.ToSortedLabels(), labelErrors)),
            _ => InversionLabels.Joint(mode),
        };
        var settings = Spec.Settings with { Seed = DeterministicRandom.Derive(Spec.Seed, InversionStream) };
        IGradientInverter inverter = Spec.Method == "dlg" ? new DeepLeakage(settings) : new InvertingGradients(settings);
        var problem = new InversionProblem(_model, Update, Dataset.Shape, Normalisation, labels);
        var clock = Stopwatch.StartNew();
        InversionResult result = inverter.Invert(problem, progress);
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

        var rng = new DeterministicRandom(DeterministicRandom.Derive(Spec.Seed, ErrorStream, (ulong)count));
        foreach (int position in rng.SampleWithoutReplacement(Enumerable.Range(0, labels.Length).ToArray(), count))
        {
            int shift = 1 + rng.NextInt(classes - 1);
            result[position] = (labels[position] + shift) % classes;
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

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
