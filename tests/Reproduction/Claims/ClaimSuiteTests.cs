using ILrg.Claims;
using ILrg.Data;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Reproduction.Claims;

/// <summary>
/// Every claim of the main suite (SPEC.md §9), and the image-reconstruction claim, judged by the gates the claims carry
/// in src/ILrg/Claims — the tests restate no threshold.
/// </summary>
[TestFixture]
public sealed class ClaimSuiteTests
{
    private static IEnumerable<TestCaseData> MainSuite() =>
        ClaimSuites.Main().Select(c => new TestCaseData(c).SetName($"Claim_{c.Id}_MeetsItsGates"));

    [TestCaseSource(nameof(MainSuite))]
    public void Claim(IClaim claim) => AssertPasses(claim, claim.Run(Open));

    /// <remarks>One libtorch thread, so the figures equal those of the README's OMP_NUM_THREADS=1 command.</remarks>
    [Test]
    public void Claim_InversionGainOnMnist_MeetsItsGate()
    {
        IClaim claim = InversionClaims.Mnist();
        int threads = get_num_threads();
        set_num_threads(1);
        try
        {
            AssertPasses(claim, claim.Run(Open));
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    internal static IImageDataset Open(DatasetRequest request) => request.Name == "mnist" && request.DataDirectory is null
        ? RequiredData.MnistOrSkip()
        : DatasetCatalog.Open(request);

    private static void AssertPasses(IClaim claim, ClaimOutcome outcome)
    {
        foreach (CheckOutcome c in outcome.Checks)
        {
            TestContext.Out.WriteLine($"{claim.Id} {c.Metric}: measured {c.Measured:F3}, paper {c.Paper:F3}, gate {c.Gate}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Checks, Is.Not.Empty, "a claim without a gate checks nothing");
            if (outcome.Synthetic)
            {
                Assert.That(outcome.Note, Does.Contain("not obtainable"), "a stand-in result must say it is one");
            }

            foreach (CheckOutcome c in outcome.Checks)
            {
                Assert.That(c.Passed, Is.True, $"{claim.Id} {c.Metric}: measured {c.Measured:F3}, gate {c.Gate} (paper {c.Paper})");
            }
        });
    }
}
