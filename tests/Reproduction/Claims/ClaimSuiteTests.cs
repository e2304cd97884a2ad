using ILrg.Claims;
using ILrg.Data;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Reproduction.Claims;

/// <summary>
/// Every claim of the quick suite (SPEC.md §9), and the image-reconstruction claim, judged by the statistics and gates
/// the claims carry in src/ILrg/Claims — the tests restate no threshold.
/// </summary>
[TestFixture]
public sealed class ClaimSuiteTests
{
    private static IEnumerable<TestCaseData> QuickSuite() =>
        ClaimSuites.Quick().Select(c => new TestCaseData(c).SetName($"Claim_{c.Plan.Id}_IsAsExpected"));

    [TestCaseSource(nameof(QuickSuite))]
    public void Claim(IClaim claim) => AssertPasses(claim, ClaimRunner.Run(claim, Open));

    /// <remarks>One libtorch thread, so the figures equal those of the README's OMP_NUM_THREADS=1 command.</remarks>
    [Test]
    public void Claim_InversionGainOnMnist_MeetsItsGate()
    {
        IClaim claim = InversionClaims.Mnist();
        int threads = get_num_threads();
        set_num_threads(1);
        try
        {
            AssertPasses(claim, ClaimRunner.Run(claim, Open));
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    internal static IImageDataset Open(DatasetRequest request) => request.Name == "mnist" && request.DataDirectory is null
        ? RequiredData.MnistOrSkip()
        : DatasetCatalog.Open(request);

    internal static void AssertPasses(IClaim claim, ClaimOutcome outcome)
    {
        foreach (CheckOutcome c in outcome.Checks)
        {
            TestContext.Out.WriteLine(
                $"{claim.Plan.Id} {c.Method}:{c.Metric}: ILrg {c.Spread?.ToString() ?? c.Measured.ToString("F3")}, " +
                $"PI {c.Spread?.Prediction}, paper {c.Paper:F3}, {c.Verdict}" +
                (c.KnownDiscrepancy is null ? "" : " (known discrepancy)") + (c.Gated ? "" : " (not gated)"));
        }

        Assert.Multiple(() =>
        {
            Assert.That(
                outcome.Checks.Where(c => c.Gated), Is.Not.Empty, "a claim without a gated check checks nothing");
            if (outcome.Synthetic)
            {
                Assert.That(outcome.Note, Does.Contain("not obtainable"), "a stand-in result must say it is one");
            }

            foreach (CheckOutcome c in outcome.Checks.Where(c => c.Gated))
            {
                string known = c.KnownDiscrepancy is null ? "" : ": the known discrepancy changed";
                Assert.That(c.Passed, Is.True,
                    $"{claim.Plan.Id} {c.Method}:{c.Metric}: {c.Verdict} (ILrg {c.Spread}, " +
                    $"PI {c.Spread?.Prediction}, paper {c.Paper}, gate {c.Gate}){known}");
            }
        });
    }
}
