using ILrg.Inversion;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Inversion;

public sealed class InvertingGradientsTests
{
    private static readonly InversionSettings Short = new(Iterations: 60, Restarts: 2, Seed: 3, ProgressEvery: 1);

    [Test]
    public void Milestones_EightThousandIterations_AreThreeFiveSevenEighths()
    {
        Assert.That(InvertingGradients.Milestones(8000), Is.EqualTo(new[] { 3000, 5000, 7000 }));
    }

    [Test]
    public void Invert_GroundTruthLabels_LowersTheGradientCost()
    {
        using var tiny = new TinyProblem();

        var result = new InvertingGradients(Short).Invert(tiny.TruthProblem());

        Assert.That(result.GradientCost, Is.LessThan(result.LossCurve[0] / 2),
            $"cost went from {result.LossCurve[0]} to {result.GradientCost}");
    }

    [Test]
    public void Invert_SeveralRestarts_KeepsTheLowestGradientCost()
    {
        using var tiny = new TinyProblem();

        var result = new InvertingGradients(Short).Invert(tiny.TruthProblem());

        Assert.Multiple(() =>
        {
            Assert.That(result.RestartCosts, Has.Length.EqualTo(2));
            Assert.That(result.GradientCost, Is.EqualTo(result.RestartCosts.Min()));
        });
    }

    [Test]
    public void Invert_SameSeedTwice_GivesIdenticalImages()
    {
        using var tiny = new TinyProblem();
        var inverter = new InvertingGradients(Short with { Restarts = 1 });

        var first = inverter.Invert(tiny.TruthProblem());
        var second = inverter.Invert(tiny.TruthProblem());

        Assert.That(second.Pixels, Is.EqualTo(first.Pixels));
    }

    [Test]
    public void Invert_Always_ReturnsPixelsInsideTheUnitBox()
    {
        using var tiny = new TinyProblem();

        var result = new InvertingGradients(Short with { Restarts = 1 }).Invert(tiny.TruthProblem());

        Assert.That(result.Pixels, Is.All.InRange(0f, 1f));
    }

    [Test]
    public void Invert_FrozenCostWithPatience_StopsEarly()
    {
        using var tiny = new TinyProblem();
        // A vanishing learning rate leaves the cost flat, so the patience of 5 iterations must end the restart.
        var settings = new InversionSettings(Iterations: 200, Restarts: 1, LearningRate: 1e-12, EarlyStopPatience: 5);

        var result = new InvertingGradients(settings).Invert(tiny.TruthProblem());

        Assert.That(result.IterationsRun, Is.LessThan(20));
    }

    [Test]
    public void Invert_JointPerImageLabels_ReturnsOneLabelPerImage()
    {
        using var tiny = new TinyProblem(n: 3);

        var result = new InvertingGradients(Short with { Restarts = 1 })
            .Invert(tiny.Problem(InversionLabels.Joint(LabelMode.JointPerImage)));

        Assert.That(result.Labels, Has.Length.EqualTo(3).And.All.InRange(0, 3));
    }

    [Test]
    public void Invert_JointSharedLabel_GivesEveryImageTheSameLabel()
    {
        using var tiny = new TinyProblem(n: 3);

        var result = new InvertingGradients(Short with { Restarts = 1 })
            .Invert(tiny.Problem(InversionLabels.Joint(LabelMode.JointShared)));

        Assert.That(result.Labels.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Invert_WrongNumberOfFixedLabels_ThrowsNamingBoth()
    {
        using var tiny = new TinyProblem(n: 2);
        var problem = tiny.Problem(InversionLabels.FixedTo(LabelMode.ILrg, [0, 1, 2]));

        var ex = Assert.Throws<ArgumentException>(() => new InvertingGradients(Short).Invert(problem));

        Assert.That(ex!.Message, Does.Contain("3 fixed labels").And.Contain("N = 2"));
    }

    [Test]
    public void Invert_LabelOutsideTheClasses_ThrowsNamingIt()
    {
        using var tiny = new TinyProblem(n: 2);
        var problem = tiny.Problem(InversionLabels.FixedTo(LabelMode.ILrg, [0, 7]));

        var ex = Assert.Throws<ArgumentException>(() => new InvertingGradients(Short).Invert(problem));

        Assert.That(ex!.Message, Does.Contain("label 7"));
    }

    [Test]
    public void Constructor_NegativeTv_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            _ = new InvertingGradients(new InversionSettings(TotalVariation: -1)));
    }

    [Test]
    public void Invert_Always_LeavesNoNativeTensors()
    {
        using var tiny = new TinyProblem();
        var inverter = new InvertingGradients(Short with { Iterations = 10 });
        inverter.Invert(tiny.TruthProblem()); // warm-up: lazily created native state is not a leak

        long left = NativeLeakCheck.LiveTensorsLeftBy(() => inverter.Invert(tiny.TruthProblem()));

        Assert.That(left, Is.Zero);
    }
}
