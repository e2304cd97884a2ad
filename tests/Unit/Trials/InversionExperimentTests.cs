using ILrg.Data;
using ILrg.Trials;
using ILrg.Claims;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using ILrg.Inversion;
using ILrg.Models;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Trials;

public sealed class InversionExperimentTests
{
    private static InversionExperiment Tiny()
    {
        var shape = new ImageShape(1, 6, 6);
        var data = new SyntheticDataset("tiny", shape, 4, 100, 1, Normalisation.Mnist);
        var spec = new InversionSpec(
            new ExperimentSpec(new DatasetRequest("synthetic"), new ModelSpec("fcn", 1, 16), 8, 1, 2), "ig",
            new InversionSettings(Iterations: 5, Restarts: 1));
        return new InversionExperiment(spec, data);
    }

    [Test]
    public void WithErrors_FourOfEight_ChangesExactlyFourLabelsToOtherClasses()
    {
        using var experiment = Tiny();
        int[] labels = [0, 0, 1, 1, 2, 2, 3, 3];

        int[] wrong = experiment.WithErrors(labels, 4);

        Assert.That(labels.Zip(wrong).Count(p => p.First != p.Second), Is.EqualTo(4));
    }

    [Test]
    public void Run_LabelErrorsOnJointMode_Throws()
    {
        using var experiment = Tiny();

        Assert.Throws<ArgumentException>(() => experiment.Run(LabelMode.JointShared, labelErrors: 1));
    }

    [Test]
    public void Run_ILrgMode_ScoresEveryImageAfterMatching()
    {
        using var experiment = Tiny();

        var trial = experiment.Run(LabelMode.ILrg);

        Assert.That(trial.Scores.Match.Order(), Is.EqualTo(Enumerable.Range(0, 8)));
    }

    [Test]
    public void Constructor_UnknownMethod_ThrowsNamingIt()
    {
        var data = new SyntheticDataset("tiny", new ImageShape(1, 6, 6), 4, 100, 1, Normalisation.Mnist);
        var spec = new InversionSpec(
            new ExperimentSpec(new DatasetRequest("synthetic"), new ModelSpec("fcn"), 2, 1, 0), "gi",
            new InversionSettings());

        var ex = Assert.Throws<ArgumentException>(() => _ = new InversionExperiment(spec, data));

        Assert.That(ex!.Message, Does.Contain("'gi'"));
    }
}
