using ILrg.Restoration;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Restoration;

public sealed class ClassEmbeddingRecoveryTests
{
    [Test]
    public void Recover_OrdinaryEntries_EqualsPlainDivisionToSevenDigits()
    {
        double[] gw = [0.0123456789, -3.5e-4, 7.0, 1e-12];
        double[] gb = [-0.0421, 2.5e-3];
        using var w = tensor(gw, [2, 2]);
        using var b = tensor(gb);

        double[] e = ClassEmbeddingRecovery.Recover(w, b).data<double>().ToArray();

        // Exponent gaps here (at most −12 − (−3) = −9) lie inside the clip, so only the 7-digit mantissas differ.
        double[] plain = [gw[0] / gb[0], gw[1] / gb[0], gw[2] / gb[1], gw[3] / gb[1]];
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 4; i++)
            {
                Assert.That(e[i], Is.EqualTo(plain[i]).Within(2e-6 * Math.Abs(plain[i])), $"entry {i}");
            }
        });
    }

    [Test]
    public void Recover_ZeroBiasGradient_GivesMantissaTimesTenToTheTen()
    {
        // SPEC §2.1: a zero g_b[i] is m_b = 1, e_b = −64, so the exponent difference clips to +10 and the entry is
        // m_W·1e10.
        using var w = tensor(new double[] { 0.00345, -0.2, 0.0 }, [1, 3]);
        using var b = tensor(new double[] { 0.0 });

        double[] e = ClassEmbeddingRecovery.Recover(w, b).data<double>().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(e[0], Is.EqualTo(3.45e10).Within(1e-3));
            Assert.That(e[1], Is.EqualTo(-2.0e10).Within(1e-3));
            Assert.That(e[2], Is.EqualTo(0.0), "zero entries stay 0");
        });
    }

    [Test]
    public void Recover_HugeExponentGap_ClipsToTenOrdersOfMagnitude()
    {
        // e_W − e_b = −3 − (−20) = 17 → clipped to 10: (1.5/2)·1e10 instead of 7.5e16.
        using var w = tensor(new double[] { 1.5e-3 }, [1, 1]);
        using var b = tensor(new double[] { 2e-20 });

        double e = ClassEmbeddingRecovery.Recover(w, b).item<double>();

        Assert.That(e, Is.EqualTo(0.75e10).Within(1.0));
    }

    [Test]
    public void Recover_MantissaRoundsToSevenSignificantDigits()
    {
        // 1.23456789 rounds to 1.234568 (7 significant digits), as the reference's "%.6e" formatting.
        using var w = tensor(new double[] { 1.23456789 }, [1, 1]);
        using var b = tensor(new double[] { 1.0 });

        double e = ClassEmbeddingRecovery.Recover(w, b).item<double>();

        Assert.That(e, Is.EqualTo(1.234568).Within(1e-12));
    }
}
