using ILrg.Audit;
using ILrg.Restoration;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Audit;

/// <summary>The certificate on observations whose truth is known by construction (SPEC.md §2 exactness (b): a batch
/// sharing one embedding makes iLRG's system exact).</summary>
public sealed class CertificateTests
{
    private static readonly int[] Truth = [3, 0, 5, 1, 0, 2];

    private static LastLayerObservation Exact() => ObservationBuilder.SharedEmbedding(Truth, embeddingSize: 8, seed: 5);

    private static LastLayerObservation Scaled(LastLayerObservation o, double factor) => o.WithGradients(
        o.WeightGradient.ToArray().Select(g => g * factor).ToArray(),
        o.BiasGradient.ToArray().Select(g => g * factor).ToArray());

    private static LastLayerObservation WithBatchSize(LastLayerObservation o, int n) =>
        new(o.Weight, o.Bias, o.WeightGradient, o.BiasGradient, o.Classes, o.EmbeddingSize, n);

    [Test]
    public void Run_ExactObservation_RestoresTruthWithStrongCertificate()
    {
        LabelAuditResult r = LabelAudit.Run(Exact());
        AuditCertificate c = r.Methods[0].Certificate;

        Assert.Multiple(() =>
        {
            Assert.That(r.Counts, Is.EqualTo(Truth));
            Assert.That(r.Strong, Is.True, r.Verdict);
            Assert.That(r.Verdict, Is.EqualTo("labels recoverable: 4 classes, certificate strong"));
            Assert.That(c.MinBoundaryDistance, Is.GreaterThan(0.49));
            Assert.That(c.BiasResidual, Is.LessThan(1e-6));
            Assert.That(c.WeightResidual, Is.LessThan(1e-6));
            Assert.That(c.OutOfRangeMass, Is.LessThan(1e-6));
            Assert.That(c.CountSum, Is.EqualTo(11));
            Assert.That(r.System.Rank, Is.EqualTo(6));
        });
    }

    [Test]
    public void Run_GradientsOfTheSumInsteadOfTheMean_IsInconclusive()
    {
        // The client summed the losses: every gradient is N times the mean's.
        LastLayerObservation sum = Scaled(Exact(), Truth.Sum());

        LabelAuditResult r = LabelAudit.Run(sum);
        AuditCertificate c = r.Methods[0].Certificate;

        Assert.Multiple(() =>
        {
            Assert.That(r.Strong, Is.False);
            Assert.That(r.Verdict, Does.StartWith("inconclusive because"));
            Assert.That(c.OutOfRangeMass, Is.GreaterThan(1.0), "the solution leaves [0, N] by more than N");
            Assert.That(c.BiasResidual, Is.GreaterThan(0.5));
            Assert.That(c.CountSum, Is.Not.EqualTo(11));
        });
    }

    [Test]
    public void Run_WrongBatchSizeNotAWholeMultiple_IsInconclusiveOnTheOddCounts()
    {
        // N = 11 assumed as 16: the solution is the truth × 16/11, fractional for every present class.
        LabelAuditResult r = LabelAudit.Run(WithBatchSize(Exact(), 16));

        Assert.Multiple(() =>
        {
            Assert.That(r.Strong, Is.False);
            Assert.That(r.Methods[0].Certificate.MinBoundaryDistance, Is.LessThan(0.2));
            Assert.That(r.Methods[0].Solution![2], Is.EqualTo(5 * 16.0 / 11).Within(1e-6));
        });
    }

    [TestCase(10)]
    [TestCase(12)]
    public void Run_BatchSizeOffByOne_IsInconclusive(int assumed)
    {
        // 11 instances assumed to be 10 or 12: the rounded counts still add up to 11, not to the assumed N.
        LabelAuditResult r = LabelAudit.Run(WithBatchSize(Exact(), assumed));

        Assert.Multiple(() =>
        {
            Assert.That(r.Strong, Is.False);
            Assert.That(r.Reasons, Has.Some.Contains($"not N = {assumed}"));
        });
    }

    [Test]
    public void Run_BatchSizeDoubled_CannotBeToldFromTheUpdate()
    {
        // A batch repeated twice has the same mean gradient; the audit then finds every count doubled. This pins the
        // limitation the documentation states rather than a strength.
        LabelAuditResult r = LabelAudit.Run(WithBatchSize(Exact(), 22));

        Assert.Multiple(() =>
        {
            Assert.That(r.Counts, Is.EqualTo(Truth.Select(k => 2 * k)));
            Assert.That(r.Strong, Is.True);
        });
    }

    [Test]
    public void Run_BiasGradientWithWeightDecayAdded_BreaksTheSoftmaxIdentity()
    {
        LastLayerObservation o = Exact();
        double[] gb = o.BiasGradient.ToArray().Select((g, i) => g + 0.01 * o.Bias[i] + 0.002).ToArray();

        LabelAuditResult r = LabelAudit.Run(o.WithGradients(o.WeightGradient, gb));

        Assert.Multiple(() =>
        {
            Assert.That(r.System.BiasSumDefect, Is.GreaterThan(1e-2));
            Assert.That(r.Strong, Is.False);
            Assert.That(r.Reasons, Has.Some.Contains("softmax identity"));
        });
    }

    [Test]
    public void WeightResidual_SupportMissingAPresentClass_ExceedsTheTrueSupport()
    {
        LastLayerObservation o = Exact();
        ILrgSystem system = ILrgSystem.Build(o, new ILrgOptions());
        int[] missing = [3, 0, 0, 1, 0, 2];

        double right = CertificateCalculator.WeightResidual(o, system, Truth);
        double wrong = CertificateCalculator.WeightResidual(o, system, missing);

        Assert.Multiple(() =>
        {
            Assert.That(right, Is.LessThan(1e-6));
            Assert.That(wrong, Is.GreaterThan(1e-2));
        });
    }

    [Test]
    public void BoundaryDistances_KnownSolutions_AreDistancesToTheNearestBoundaryInsideZeroToN()
    {
        double[] solution = [2.0, 2.4, -0.2, -0.7, 8.6, 7.9, 0.5];

        double[] d = CertificateCalculator.BoundaryDistances(solution, batchSize: 8);

        Assert.That(d, Is.EqualTo(new[] { 0.5, 0.1, 0.3, 0.0, 0.0, 0.4, 0.0 }).Within(1e-12));
    }

    [Test]
    public void OutOfRangeMass_NegativesAndOverflow_AddUpDividedByN()
    {
        Assert.That(CertificateCalculator.OutOfRangeMass([-1.0, 3.0, 10.0, 0.5], batchSize: 8),
            Is.EqualTo((1.0 + 2.0) / 8).Within(1e-12));
    }
}
