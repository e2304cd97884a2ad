using ILrg.Data;
using ILrg.Experiments;
using ILrg.Experiments.Comparison;
using ILrg.Metrics;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction.Comparison;

/// <summary>
/// SPEC.md §9, FCN-3 on real MNIST, N = 24, untrained: the baselines' LeAcc (iDLG 0.514, GI 1.000, SVD 0.932) must
/// fall in the binomial 95% band of the paper's value for T trials × 10 classes. All methods run on identical updates.
/// </summary>
[TestFixture]
public sealed class Fcn3MnistBaselineTests
{
    private const int Trials = 50;
    private ComparisonResult _result = null!;

    [OneTimeSetUp]
    public void RunComparison()
    {
        IImageDataset mnist = RequiredData.MnistOrSkip();
        var spec = new ComparisonSpec(
            new ExperimentSpec(new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), 24, Trials, 0),
            "idlg,gi,svd");
        _result = ComparisonRunner.Run(spec, mnist);
    }

    [TestCase("idlg", 0.514)]
    [TestCase("gi", 1.000)]
    [TestCase("svd", 0.932)]
    public void LeAcc_Fcn3MnistN24_LiesInThePapersBinomialBand(string method, double paper)
    {
        double measured = _result.Summaries.Single(s => s.Method == method).Labels.LeAcc;
        var band = BinomialBand.For(paper, Trials * 10);
        TestContext.Out.WriteLine($"{method}: measured LeAcc {measured:F3}, paper {paper:F3}, band {band}");

        Assert.That(band.Contains(measured), Is.True, $"{method} LeAcc {measured:F3} outside {band} around the paper's {paper:F3}");
    }
}
