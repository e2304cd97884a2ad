using ILrg.Data;
using ILrg.Experiments;
using NUnit.Framework;

namespace ILrg.Tests.Reproduction.Scale;

/// <summary>
/// The quick paper-scale claims (issue 3, SPEC.md §9): LeNet-5 N = 64…1024 and VGG-16 N = 1024 on the CIFAR-100-shaped
/// stand-in. The full versions run with <c>ilrg reproduce --suite full</c>.
/// </summary>
public sealed class ScaleClaimsTests
{
    private static IEnumerable<TestCaseData> Claims() =>
        ScaleClaims.Quick().Select(c => new TestCaseData(c).SetName($"ScaleClaim_{c.Id}_MeetsThreshold"));

    [TestCaseSource(nameof(Claims))]
    public void ScaleClaim_QuickRun_MeetsThreshold(PaperClaim claim)
    {
        var (outcome, _) = ClaimRunner.Run(claim, request => DatasetCatalog.Open(request));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Synthetic, Is.True, "the stand-in must be reported as synthetic");
            foreach (CheckOutcome check in outcome.Checks)
            {
                Assert.That(check.Measured, Is.GreaterThanOrEqualTo(check.Threshold),
                    $"{claim.Id} {check.Metric}: measured {check.Measured:F3}, paper {check.Paper?.ToString("F3") ?? "—"}");
            }
        });
    }
}
