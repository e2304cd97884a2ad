using ILrg.Data;
using ILrg.Models;
using ILrg.Training;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Training;

/// <summary>The training recipe, checkpoints and attacking a trained model (SPEC.md §9, trained models).</summary>
public sealed class TrainingTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ilrg-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static SyntheticDataset Tiny() =>
        new("tiny", new ImageShape(1, 8, 8), 4, 512, 1, Normalisation.Mnist);

    [Test]
    public void LearningRateAt_800Iterations_DropsTenfoldAt300And500And700()
    {
        var options = new TrainingOptions(800);

        double[] rates = [options.LearningRateAt(299), options.LearningRateAt(300), options.LearningRateAt(500),
            options.LearningRateAt(700)];

        Assert.That(rates, Is.EqualTo(new[] { 0.1, 0.01, 0.001, 0.0001 }).Within(1e-15));
    }

    [Test]
    public void Train_25IterationsEvery10_SavesAt0And10And20And25()
    {
        var checkpoints = Trainer.Train(new ModelSpec("fcn", Width: 16), Tiny(),
            new TrainingOptions(25, 32, CheckpointEvery: 10), _dir);

        Assert.Multiple(() =>
        {
            Assert.That(checkpoints.Select(c => c.Iteration), Is.EqualTo(new[] { 0, 10, 20, 25 }));
            Assert.That(checkpoints.All(c => File.Exists(c.Path)), Is.True);
        });
    }

    [Test]
    public void Train_SameSeed_SameFinalWeights()
    {
        var spec = new ModelSpec("fcn", Width: 16);
        var options = new TrainingOptions(6, 32, CheckpointEvery: 6, Seed: 4);
        string a = Trainer.Train(spec, Tiny(), options, Path.Combine(_dir, "a"))[^1].Path;
        string b = Trainer.Train(spec, Tiny(), options, Path.Combine(_dir, "b"))[^1].Path;

        Assert.That(WeightsOf(spec, a), Is.EqualTo(WeightsOf(spec, b)));
    }

    [Test]
    public void ModelZooCreate_WithCheckpoint_LoadsTrainedNotFreshWeights()
    {
        var spec = new ModelSpec("fcn", Width: 16);
        var checkpoints = Trainer.Train(spec, Tiny(), new TrainingOptions(5, 32, CheckpointEvery: 5), _dir);

        float[] untrained = WeightsOf(spec, checkpoints[0].Path);
        float[] trained = WeightsOf(spec, checkpoints[^1].Path);

        Assert.That(trained, Is.Not.EqualTo(untrained));
    }

    [Test]
    public void ModelZooCreate_CheckpointOfOtherArchitecture_ThrowsInvalidData()
    {
        string path = Trainer.Train(new ModelSpec("fcn", Width: 16), Tiny(), new TrainingOptions(1, 32), _dir)[^1].Path;
        using var generator = new Generator(1);

        Assert.That(() => ModelZoo.Create(new ModelSpec("fcn", Width: 32, CheckpointPath: path), Tiny().Shape, 4,
            generator),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains(path));
    }

    [Test]
    public void ModelZooCreate_MissingCheckpoint_ThrowsFileNotFound()
    {
        using var generator = new Generator(1);
        string path = Path.Combine(_dir, "absent.pt");

        Assert.That(() => ModelZoo.Create(new ModelSpec("fcn", CheckpointPath: path), Tiny().Shape, 4, generator),
            Throws.TypeOf<FileNotFoundException>());
    }

    [Test]
    public void Train_BatchLargerThanData_ThrowsNamingBoth()
    {
        Assert.That(() => Trainer.Train(new ModelSpec("fcn"), Tiny(), new TrainingOptions(1, 1000), _dir),
            Throws.ArgumentException.With.Message.Contains("1000").And.Message.Contains("512"));
    }

    private static float[] WeightsOf(ModelSpec spec, string checkpoint)
    {
        using var generator = new Generator(99);
        using Classifier model = ModelZoo.Create(spec with { CheckpointPath = checkpoint }, Tiny().Shape, 4, generator);
        return model.Fc.weight!.data<float>().ToArray();
    }
}
