using ILrg.Data;
using ILrg.Experiments;
using ILrg.Experiments.Comparison;
using ILrg.Models;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction.Comparison;

/// <summary>
/// SPEC.md §9 / issue 5, LeNet-5 with SiLU or LeakyReLU on the CIFAR-100-shaped synthetic stand-in, N = 24, untrained:
/// GI fails (LeAcc ≤ 0.3; paper 0.213) because the embedding has negative entries, while SVD and iLRG stay ≥ 0.99.
/// iDLG under SiLU is data-dependent (paper 0.150 on real CIFAR-100), so it is reported, not gated.
/// </summary>
[TestFixture(Activation.Silu)]
[TestFixture(Activation.LeakyRelu)]
public sealed class LeNetStandInBaselineTests
{
    private const int Trials = 20;
    private readonly Activation _activation;
    private ComparisonResult _result = null!;

    public LeNetStandInBaselineTests(Activation activation) => _activation = activation;

    [OneTimeSetUp]
    public void RunComparison()
    {
        var request = new DatasetRequest("synthetic", Classes: 100, Shape: new ImageShape(3, 32, 32));
        var spec = new ComparisonSpec(
            new ExperimentSpec(request, new ModelSpec("lenet5", Activation: _activation), 24, Trials, 0),
            "idlg,gi,svd,ilrg");
        _result = ComparisonRunner.Run(spec, DatasetCatalog.Open(request));
        double idlg = LeAcc("idlg");
        TestContext.Progress.WriteLine(
            $"LeNet-5 {_activation} stand-in, N=24, {Trials} trials: iDLG LeAcc {idlg:F3} (reported, not gated; " +
            $"paper {(_activation == Activation.Silu ? "0.150" : "1.000")} on real CIFAR-100)");
    }

    [Test]
    public void Gi_NegativeEmbeddingEntries_FailsAtMostPointThree()
    {
        double measured = LeAcc("gi");
        TestContext.Out.WriteLine($"GI LeAcc {measured:F3} (paper 0.213, gate ≤ 0.3)");

        Assert.That(measured, Is.LessThanOrEqualTo(0.3));
    }

    [TestCase("svd")]
    [TestCase("ilrg")]
    public void LeAcc_SvdAndILrg_AtLeastPointNineNine(string method)
    {
        double measured = LeAcc(method);
        TestContext.Out.WriteLine($"{method} LeAcc {measured:F3} (paper 1.000, gate ≥ 0.99)");

        Assert.That(measured, Is.GreaterThanOrEqualTo(0.99));
    }

    private double LeAcc(string method) => _result.Summaries.Single(s => s.Method == method).Labels.LeAcc;
}
