using ILrg.Audit;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Audit;

/// <summary>The threshold fit and the rates, on hand-made calibration trials whose answer is known.</summary>
public sealed class AuditCalibrationTests
{
    private static readonly SystemCertificate Clean = new(4, 4, 10, 1e-8, 1e-8);

    private static CalibrationTrial Trial(bool correct, double distance, double residual, int sum = 8) =>
        new("hand", 8, 0, correct,
            new MethodAudit("ilrg", true, [sum, 0, 0, 0], [sum - 0.5 + distance, 0, 0, 0],
                new AuditCertificate(4, 10, sum, residual, 0, 0, [distance, 0.5, 0.5, 0.5], distance, 0, 1)),
            Clean, 1.0);

    [Test]
    public void Fit_WrongTrialsBelowADistance_PutsTheThresholdAboveThemAndKeepsEveryRightOne()
    {
        CalibrationTrial[] trials =
        [
            Trial(true, 0.45, 0.01), Trial(true, 0.38, 0.02), Trial(true, 0.31, 0.05),
            Trial(false, 0.22, 0.01), Trial(false, 0.12, 0.03),
        ];

        AuditThresholds t = AuditCalibration.Fit(trials, maxStrongWrongRate: 0.0);
        CalibrationRates rates = CalibrationRates.Of(trials, t);

        Assert.Multiple(() =>
        {
            Assert.That(t.MinBoundaryDistance, Is.GreaterThan(0.22).And.LessThanOrEqualTo(0.31));
            Assert.That(rates.StrongWrong, Is.Zero);
            Assert.That(rates.Strong, Is.EqualTo(3));
            Assert.That(rates.CorrectInconclusive, Is.Zero);
        });
    }

    [Test]
    public void Fit_EqualCoverage_TakesTheStrictestThresholds()
    {
        CalibrationTrial[] trials = [Trial(true, 0.40, 0.02), Trial(false, 0.10, 0.30)];

        AuditThresholds t = AuditCalibration.Fit(trials, maxStrongWrongRate: 0.0);

        Assert.Multiple(() =>
        {
            Assert.That(t.MinBoundaryDistance, Is.EqualTo(0.40).Within(1e-12));
            Assert.That(t.MaxBiasResidual, Is.EqualTo(0.02).Within(1e-12));
        });
    }

    [Test]
    public void Fit_WrongTrialSeparatedOnlyByResidual_BoundsTheResidual()
    {
        CalibrationTrial[] trials = [Trial(true, 0.45, 0.02), Trial(true, 0.45, 0.04), Trial(false, 0.45, 0.20)];

        AuditThresholds t = AuditCalibration.Fit(trials, maxStrongWrongRate: 0.0);

        Assert.That(t.MaxBiasResidual, Is.GreaterThanOrEqualTo(0.04).And.LessThan(0.20));
    }

    [Test]
    public void Fit_DefectBound_IsTenTimesTheLargestDefectRoundedUpToAPowerOfTen()
    {
        var noisy = Trial(true, 0.45, 0.01) with { System = new SystemCertificate(4, 4, 10, 3e-7, 1e-8) };

        AuditThresholds t = AuditCalibration.Fit([noisy, Trial(true, 0.40, 0.01)], maxStrongWrongRate: 0.0);

        Assert.That(t.MaxSumDefect, Is.EqualTo(1e-5).Within(1e-18));
    }

    [Test]
    public void Fit_NoRightTrial_Throws()
    {
        Assert.That(() => AuditCalibration.Fit([Trial(false, 0.4, 0.01)], 0.0), Throws.ArgumentException);
    }

    [Test]
    public void Rates_MixedTrials_CountStrongWrongAndRightInconclusive()
    {
        var t = new AuditThresholds(0.3, 0.1, 1e-3);
        CalibrationTrial[] trials =
        [
            Trial(true, 0.45, 0.01), Trial(false, 0.40, 0.01), Trial(true, 0.10, 0.01), Trial(true, 0.45, 0.01, sum: 7),
        ];

        CalibrationRates r = CalibrationRates.Of(trials, t);

        Assert.Multiple(() =>
        {
            Assert.That(r.Strong, Is.EqualTo(2));
            Assert.That(r.StrongWrong, Is.EqualTo(1));
            Assert.That(r.StrongWrongRate, Is.EqualTo(0.5));
            Assert.That(r.CorrectInconclusive, Is.EqualTo(2), "one too close to a boundary, one summing to 7 ≠ 8");
            Assert.That(r.StrongWrongInterval!.High, Is.GreaterThan(0.5));
        });
    }
}
