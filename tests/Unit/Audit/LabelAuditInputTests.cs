using ILrg.Audit;
using ILrg.Numerics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Audit;

/// <summary>Every bad input to <see cref="LabelAudit.Run(double[], double[], double[], double[], int,
/// LabelAuditOptions?)"/> is one clear exception naming the argument.</summary>
public sealed class LabelAuditInputTests
{
    private const int C = 3, D = 2;

    private static double[] W => [0.1, -0.2, 0.3, 0.0, -0.1, 0.2];

    private static double[] B => [0.0, 0.1, -0.1];

    private static double[] GW => [0.01, 0.02, -0.03, -0.01, 0.02, -0.01];

    private static double[] GB => [0.2, -0.3, 0.1];

    [Test]
    public void Run_NullWeight_ThrowsArgumentNullNamingWeight()
    {
        Assert.That(() => LabelAudit.Run(null!, B, GW, GB, 4),
            Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("weight"));
    }

    [Test]
    public void Run_WeightNotAMultipleOfClasses_ThrowsNamingShapes()
    {
        Assert.That(() => LabelAudit.Run(new double[7], B, new double[7], GB, 4),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("weight")
                .And.Message.Contains("7 entries").And.Message.Contains("C = 3"));
    }

    [Test]
    public void Run_GradWShapeDiffersFromWeight_ThrowsNamingGradW()
    {
        Assert.That(() => LabelAudit.Run(W, B, new double[C * D + 3], GB, 4),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("gradW").And.Message.Contains("9 entries"));
    }

    [Test]
    public void Run_GradBShapeDiffersFromBias_ThrowsNamingGradB()
    {
        Assert.That(() => LabelAudit.Run(W, B, GW, [0.1, -0.1], 4),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("gradB"));
    }

    [Test]
    public void Run_SingleClass_ThrowsExplainingTwoAreNeeded()
    {
        Assert.That(() => LabelAudit.Run([1.0, 2.0], [0.0], [0.1, 0.2], [0.3], 4),
            Throws.ArgumentException.With.Message.Contains("at least 2 classes"));
    }

    [Test]
    public void Run_NaNInGradW_ThrowsNonFiniteNamingGradWAndIndex()
    {
        double[] gw = GW;
        gw[4] = double.NaN;

        Assert.That(() => LabelAudit.Run(W, B, gw, GB, 4),
            Throws.TypeOf<NonFiniteInputException>().With.Message.Contains("gradW").And.Message.Contains("index 4"));
    }

    [Test]
    public void Run_InfinityInFloatBias_ThrowsNonFinite()
    {
        float[] b = [0f, float.PositiveInfinity, 0f];

        Assert.That(() => LabelAudit.Run(new float[C * D], b, new float[C * D], [0.2f, -0.3f, 0.1f], 4),
            Throws.TypeOf<NonFiniteInputException>().With.Message.Contains("bias"));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void Run_BatchSizeBelowOne_ThrowsOutOfRange(int n)
    {
        Assert.That(() => LabelAudit.Run(W, B, GW, GB, n),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("batchSize"));
    }

    [Test]
    public void Run_AllZeroBiasGradient_ThrowsExplaining()
    {
        Assert.That(() => LabelAudit.Run(W, B, GW, new double[C], 4),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("gradB").And.Message.Contains("all zero"));
    }

    [Test]
    public void Run_UnknownMethod_ThrowsListingTheAvailableOnes()
    {
        var options = new LabelAuditOptions(Methods: ["ilrg", "magic"]);

        Assert.That(() => LabelAudit.Run(W, B, GW, GB, 4, options),
            Throws.ArgumentException.With.Message.Contains("unknown method 'magic'").And.Message.Contains("ilrg-mip"));
    }

    [TestCase("llg+")]
    [TestCase("zero-shot")]
    [TestCase("oracle")]
    public void Run_MethodNeedingMoreThanTheObservation_ThrowsSayingSo(string method)
    {
        var options = new LabelAuditOptions(Methods: [method]);

        Assert.That(() => LabelAudit.Run(W, B, GW, GB, 4, options),
            Throws.ArgumentException.With.Message.Contains("needs more than the observation"));
    }

    [Test]
    public void Run_ThresholdOutOfRange_ThrowsOutOfRange()
    {
        var options = new LabelAuditOptions(Thresholds: new AuditThresholds(0.7, 0.1, 1e-3));

        Assert.That(() => LabelAudit.Run(W, B, GW, GB, 4, options), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ScanBatchSizes_MaximumBelowMinimum_ThrowsOutOfRange()
    {
        Assert.That(() => LabelAudit.ScanBatchSizes(W, B, GW, GB, 16, 8),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("maxBatchSize"));
    }

    [Test]
    public void ScanBatchSizes_MinimumBelowOne_ThrowsNamingMinBatchSize()
    {
        Assert.That(() => LabelAudit.ScanBatchSizes(W, B, GW, GB, 0, 8),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("minBatchSize"));
    }

    [Test]
    public void ScanBatchSizes_RangeWiderThanTheCap_ThrowsSayingTheCap()
    {
        Assert.That(() => LabelAudit.ScanBatchSizes(W, B, GW, GB, 1, LabelAudit.MaxScanWidth + 1),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("at most 10000 batch sizes"));
    }
}
