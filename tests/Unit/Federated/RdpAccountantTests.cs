using ILrg.Federated;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Federated;

/// <summary>The RDP accountant of the sampled Gaussian mechanism against published (ε, δ) values and closed
/// forms.</summary>
public sealed class RdpAccountantTests
{
    /// <remarks>Opacus's documented example of its RDP accountant: sampling rate 1%, noise multiplier 1.0, 300 steps,
    /// orders {2, 5, 10, 20, 100}, δ = 1e−5 gives ε = 2.39 with optimal order 5.</remarks>
    [Test]
    public void Epsilon_OpacusDocumentedExample_Is239AtOrderFive()
    {
        PrivacySpent spent = RdpAccountant.Epsilon(0.01, 1.0, 300, 1e-5, [2, 5, 10, 20, 100]);

        Assert.Multiple(() =>
        {
            Assert.That(spent.Epsilon, Is.EqualTo(2.39).Within(0.005));
            Assert.That(spent.Order, Is.EqualTo(5));
        });
    }

    [TestCase(2, 1.0)]
    [TestCase(7, 0.5)]
    [TestCase(32, 4.0)]
    public void StepRdp_FullBatch_IsTheGaussianMechanismsAlphaOverTwoSigmaSquared(int order, double sigma)
    {
        Assert.That(RdpAccountant.StepRdp(1.0, sigma, order), Is.EqualTo(order / (2 * sigma * sigma)).Within(1e-12));
    }

    /// <remarks>At q = 1 the integer-order sum has its single term k = α, so the general formula must agree with the
    /// closed form when q is just below 1.</remarks>
    [Test]
    public void StepRdp_SamplingRateNearOne_ApproachesTheGaussianMechanism()
    {
        Assert.That(RdpAccountant.StepRdp(1 - 1e-12, 1.5, 6), Is.EqualTo(6 / (2 * 1.5 * 1.5)).Within(1e-6));
    }

    [Test]
    public void Epsilon_MoreNoise_SpendsLessPrivacy()
    {
        double[] eps = [.. new[] { 0.5, 1.0, 2.0, 4.0 }.Select(z => RdpAccountant.Epsilon(0.1, z, 100, 1e-5).Epsilon)];

        Assert.That(eps, Is.Ordered.Descending);
    }

    [Test]
    public void Epsilon_NoNoise_IsInfinite()
    {
        Assert.That(RdpAccountant.Epsilon(0.5, 0, 10, 1e-5).Epsilon, Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Epsilon_ClassicConversion_IsNeverBelowTheImprovedOne()
    {
        PrivacySpent improved = RdpAccountant.Epsilon(0.02, 1.1, 500, 1e-5);
        PrivacySpent classic = RdpAccountant.Epsilon(0.02, 1.1, 500, 1e-5,
            conversion: RdpAccountant.Conversion.Classic);

        Assert.That(classic.Epsilon, Is.GreaterThan(improved.Epsilon));
    }
}
