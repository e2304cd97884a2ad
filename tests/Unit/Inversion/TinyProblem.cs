using ILrg.Data;
using ILrg.Federated;
using ILrg.Inversion;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Inversion;

/// <summary>A small, fast inversion problem: synthetic 1×6×6 images, 4 classes, an FCN of width 32.</summary>
internal sealed class TinyProblem : IDisposable
{
    public TinyProblem(int n = 2, ulong seed = 1)
    {
        Shape = new ImageShape(1, 6, 6);
        Dataset = new SyntheticDataset("tiny", Shape, 4, 100, seed, Normalisation.Mnist);
        Batch = new BatchSampler(Dataset).Sample(n, BatchDistribution.Random, seed);
        using var generator = new Generator(seed);
        Model = ModelZoo.Create(new ModelSpec("fcn", 1, 32), Shape, 4, generator);
        Update = Client.FullGradient(Model, Batch);
    }

    public ImageShape Shape { get; }

    public SyntheticDataset Dataset { get; }

    public Batch Batch { get; }

    public Classifier Model { get; }

    public ClientUpdate Update { get; }

    public InversionProblem Problem(InversionLabels labels) => new(Model, Update, Shape, Normalisation.Mnist, labels);

    public InversionProblem TruthProblem() => Problem(InversionLabels.FixedTo(LabelMode.GroundTruth, Batch.Labels));

    public void Dispose() => Model.Dispose();
}
