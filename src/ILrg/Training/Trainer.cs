using System.Globalization;
using ILrg.Data;
using ILrg.Models;
using ILrg.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Training;

/// <summary>Trains a zoo model with mini-batch SGD and saves checkpoints that <c>ilrg run --checkpoint</c> attacks.</summary>
/// <remarks>SPEC.md §9, trained models; the recipe is in <see cref="TrainingOptions"/>. Deterministic for a seed on CPU.</remarks>
public static class Trainer
{
    /// <summary>Trains and writes <c>{model}-it{iteration:D6}.pt</c> files into <paramref name="outputDirectory"/>.</summary>
    /// <param name="spec">The model (its checkpoint path, if any, is the starting point).</param>
    /// <param name="dataset">The training images.</param>
    /// <param name="options">The recipe.</param>
    /// <param name="outputDirectory">Where checkpoints go (created).</param>
    /// <param name="onCheckpoint">Called after each save.</param>
    /// <returns>The checkpoints in order, the first being the untrained weights.</returns>
    /// <param name="cancellation">Checked before every step; the checkpoints saved so far stay on disk.</param>
    /// <exception cref="ArgumentException">Non-positive iterations, batch size or interval, or a batch larger than the data.</exception>
    public static IReadOnlyList<TrainingCheckpoint> Train(
        ModelSpec spec, IImageDataset dataset, TrainingOptions options, string outputDirectory,
        Action<TrainingCheckpoint>? onCheckpoint = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        Guard.AtLeast(options.Iterations, 1, "iterations");
        Guard.AtLeast(options.BatchSize, 1, "training batch size");
        Guard.AtLeast(options.CheckpointEvery, 1, "checkpoint interval");
        if (options.BatchSize > dataset.Count)
        {
            throw new ArgumentException($"training batch size {options.BatchSize} exceeds the {dataset.Count} images of {dataset.Name}");
        }

        Directory.CreateDirectory(outputDirectory);
        using var generator = new Generator(SeedStreams.ForRun(options.Seed, SeedPurpose.TrainingModel));
        using Classifier model = ModelZoo.Create(spec, dataset.Shape, dataset.Classes, generator);
        using var optimizer = new NesterovSgd(model.parameters(), options.Momentum, options.WeightDecay);
        var order = new Order(dataset, SeedStreams.ForRun(options.Seed, SeedPurpose.TrainingOrder));
        var saved = new List<TrainingCheckpoint>
        {
            Save(model, spec, dataset.Shape, outputDirectory, 0, double.NaN, double.NaN),
        };
        onCheckpoint?.Invoke(saved[0]);
        double lossSum = 0, accSum = 0;
        int steps = 0;
        model.train();
        for (int it = 0; it < options.Iterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (loss, accuracy) = Step(model, optimizer, options.LearningRateAt(it), order.Next(options.BatchSize));
            lossSum += loss;
            accSum += accuracy;
            steps++;
            if (!double.IsFinite(loss))
            {
                throw new NonFiniteInputException($"training diverged: loss {loss} at iteration {it + 1}");
            }

            int done = it + 1;
            if (done % options.CheckpointEvery == 0 || done == options.Iterations)
            {
                var checkpoint = Save(
                    model, spec, dataset.Shape, outputDirectory, done, lossSum / steps, accSum / steps);
                saved.Add(checkpoint);
                onCheckpoint?.Invoke(checkpoint);
                lossSum = accSum = 0;
                steps = 0;
            }
        }

        return saved;
    }

    private static (double Loss, double Accuracy) Step(
        Classifier model, NesterovSgd optimizer, double learningRate, Batch batch)
    {
        using var scope = NewDisposeScope();
        model.zero_grad();
        Tensor images = batch.Images();
        Tensor labels = batch.LabelTensor(0, batch.Size);
        Tensor logits = model.forward(images);
        Tensor loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        optimizer.Step(learningRate);
        double accuracy = logits.argmax(1).eq(labels).to_type(ScalarType.Float64).mean().item<double>();
        return (loss.item<float>(), accuracy);
    }

    private static TrainingCheckpoint Save(
        Classifier model, ModelSpec spec, ImageShape shape, string directory, int iteration, double loss,
        double accuracy)
    {
        string path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{spec.Name}-it{iteration:D6}.pt"));
        Checkpoints.Save(model, shape, path);
        return new TrainingCheckpoint(iteration, path, loss, accuracy);
    }

    /// <summary>Epoch-wise shuffled order of the training images (a fresh permutation each epoch).</summary>
    private sealed class Order(IImageDataset dataset, ulong seed)
    {
        private readonly DeterministicRandom _random = new(seed);
        private int[] _permutation = [];
        private int _position;

        public Batch Next(int size)
        {
            if (_position + size > _permutation.Length)
            {
                _permutation = Enumerable.Range(0, dataset.Count).ToArray();
                _random.Shuffle(_permutation.AsSpan());
                _position = 0;
            }

            int[] indices = _permutation[_position..(_position + size)];
            _position += size;
            return new Batch(dataset, indices, indices.Select(dataset.LabelOf).ToArray());
        }
    }
}
