using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Trials;

/// <summary>The defence sweep and its utility training (issue 11), on small synthetic stand-ins.</summary>
public sealed class DefenceSweepTests
{
    private static readonly DatasetRequest Tiny = new("synthetic", Classes: 4, Shape: new ImageShape(1, 6, 6));
    private static readonly UtilitySettings Small = new(Clients: 2, ImagesPerClient: 20, Rounds: 2, LocalBatch: 10,
        TestImages: 40);

    private static IImageDataset Open(DatasetRequest request) => DatasetCatalog.Open(request);

    private static DefenceSweepSpec Spec(string defence, params double[] values) => new(
        new ExperimentSpec(Tiny, new ModelSpec("fcn", Width: 12), 8, 3, 1), "ilrg", defence, values, Small,
        [new UtilityTarget("fcn / tiny", Tiny, Tiny, new ModelSpec("fcn", Width: 12))]);

    [Test]
    public void Run_NoiseSweep_GivesARowPerValueWithCosineOneWithoutNoiseAndBelowOneWithIt()
    {
        DefenceSweepResult result = DefenceSweepRunner.Run(Spec("dp", 0, 0.05), Open);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rows.Select(r => r.Value), Is.EqualTo(new[] { 0.0, 0.05 }));
            Assert.That(result.Rows[0].Cosine, Is.EqualTo(1.0).Within(1e-6));
            Assert.That(result.Rows[1].Cosine, Is.LessThan(0.99));
            Assert.That(result.Rows.SelectMany(r => r.Utility).Select(u => u.TestAccuracy), Is.All.InRange(0.0, 1.0));
            Assert.That(result.Manifest.Tool, Is.EqualTo("ilrg sweep"));
        });
    }

    [Test]
    public void Save_SweepWithUtility_WritesTheStrengthPictureAndThePrivacyAgainstUtilityPicture()
    {
        DefenceSweepResult result = DefenceSweepRunner.Run(Spec("dp", 0, 0.05), Open);
        string dir = Directory.CreateTempSubdirectory("ilrg-sweep-plot").FullName;
        try
        {
            string path = Path.Combine(dir, "sweep.png");

            ILrg.Reporting.Plots.DefenceSweepPlot.Save(result, path);

            string tradeoff = ILrg.Reporting.Plots.DefenceSweepPlot.TradeoffPath(path);
            Assert.Multiple(() =>
            {
                Assert.That(tradeoff, Is.EqualTo(Path.Combine(dir, "sweep-tradeoff.png")));
                foreach (string png in new[] { path, tradeoff })
                {
                    byte[] bytes = File.ReadAllBytes(png);
                    Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), png);
                    Assert.That(bytes, Has.Length.GreaterThan(1000), png);
                }
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Run_DpSgdSweep_ReportsAFiniteEpsilonOnlyWithNoise()
    {
        DefenceSweepSpec spec = Spec("dpsgd", 0, 1) with { Utility = null };

        DefenceSweepResult result = DefenceSweepRunner.Run(spec, Open);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rows[0].Privacy!.Epsilon, Is.EqualTo(double.PositiveInfinity));
            Assert.That(result.Rows[1].Privacy!.Epsilon, Is.GreaterThan(0).And.LessThan(double.PositiveInfinity));
            Assert.That(result.Rows[0].Utility, Is.Empty);
        });
    }

    [Test]
    public void TestAccuracy_ClipToAlmostNothing_LeavesTheModelAtItsInitialAccuracy()
    {
        IImageDataset data = Open(Tiny);
        var model = new ModelSpec("fcn", Width: 12);
        var frozen = new FederationSpec { Defence = new UpdateDefence(DefenceKind.Clip, 1e-12) };

        double clipped = FedAvgSimulation.TestAccuracy(model, data, data, frozen, Small, 4);
        double untrained = FedAvgSimulation.TestAccuracy(model, data, data, frozen, Small with { Rounds = 1 }, 4);
        double again = FedAvgSimulation.TestAccuracy(model, data, data, frozen, Small, 4);

        Assert.Multiple(() =>
        {
            Assert.That(clipped, Is.EqualTo(untrained), "updates of norm 1e−12 cannot change a prediction");
            Assert.That(again, Is.EqualTo(clipped), "deterministic");
        });
    }

    [TestCase("mixup", 0.0)]
    [TestCase("label-smoothing", 0.0)]
    public void Apply_ZeroStrengthTrainingDefence_IsPlainCrossEntropy(string defence, double value)
    {
        FederationSpec applied = DefenceSweepSpec.Apply(FederationSpec.Default, defence, value);

        Assert.That(applied.Loss.IsActive, Is.False);
    }

    [Test]
    public void Apply_UnknownDefenceOrBadValue_Throws()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => DefenceSweepSpec.Apply(FederationSpec.Default, "blur", 1), Throws.ArgumentException);
            Assert.That(() => DefenceSweepSpec.Apply(FederationSpec.Default, "label-smoothing", 1),
                Throws.ArgumentException.With.Message.Contains("[0, 1)"));
            Assert.That(() => DefenceSweepSpec.Apply(FederationSpec.Default, "dpsgd", -1), Throws.ArgumentException);
            Assert.That(() => DefenceSweepSpec.Apply(FederationSpec.Default, "mixup", -1),
                Throws.ArgumentException.With.Message.Contains("mixup α"));
        });
    }
}
