using ILrg.Inversion;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Inversion;

public sealed class DeepLeakageTests
{
    private static readonly InversionSettings Short = new(Iterations: 10, Restarts: 1, Seed: 5, LearningRate: 1.0,
        TotalVariation: 0, ProgressEvery: 1);

    [Test]
    public void Invert_GroundTruthLabels_LowersTheSquaredGradientDistance()
    {
        using var tiny = new TinyProblem();

        var result = new DeepLeakage(Short).Invert(tiny.TruthProblem());

        Assert.That(result.GradientCost, Is.LessThan(result.LossCurve[0]),
            $"distance went from {result.LossCurve[0]} to {result.GradientCost}");
    }

    [Test]
    public void Invert_Always_LeavesNoNativeTensors()
    {
        using var tiny = new TinyProblem();
        var inverter = new DeepLeakage(Short with { Iterations = 3 });
        inverter.Invert(tiny.TruthProblem());

        long left = NativeLeakCheck.LiveTensorsLeftBy(() => inverter.Invert(tiny.TruthProblem()));

        Assert.That(left, Is.Zero);
    }
}
