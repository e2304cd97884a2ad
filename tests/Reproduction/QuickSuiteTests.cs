using ILrg.Data;
using ILrg.Experiments;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction;

/// <summary>The quick suite of the paper's claims (SPEC §9), gated by the thresholds the claims carry.</summary>
[TestFixture]
public sealed class QuickSuiteTests
{
    private static IEnumerable<TestCaseData> Claims() =>
        PaperClaims.Quick().Concat(BaselineClaims.Quick())
            .Select(c => new TestCaseData(c).SetName($"Claim_{c.Id}_MeetsThresholds"));

    [TestCaseSource(nameof(Claims))]
    public void Claim(PaperClaim claim)
    {
        var (outcome, _) = ClaimRunner.Run(claim, Open);

        foreach (CheckOutcome c in outcome.Checks)
        {
            TestContext.Out.WriteLine($"{claim.Id} {c.Metric}: measured {c.Measured:F3}, paper {c.Paper:F3}, gate {c.Gate}");
        }

        Assert.Multiple(() =>
        {
            foreach (CheckOutcome c in outcome.Checks)
            {
                Assert.That(c.Passed, Is.True, $"{claim.Id} {c.Metric}: measured {c.Measured:F3}, gate {c.Gate} (paper {c.Paper})");
            }
        });
    }

    internal static IImageDataset Open(DatasetRequest request) => request.Name == "mnist"
        ? RequiredData.MnistOrSkip()
        : DatasetCatalog.Open(request);
}
