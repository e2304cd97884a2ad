using ILrg.Numerics;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Numerics;

public sealed class TensorMemoryTests
{
    [Test]
    public void Bytes_BatchOfImageNetImages_IsTheProductTimesFour()
    {
        Assert.That(TensorMemory.Bytes([20_000, 3, 224, 224], TensorMemory.SingleBytes), Is.EqualTo(12_042_240_000L));
    }

    [Test]
    public void Elements_Scalar_IsOne()
    {
        Assert.That(TensorMemory.Elements([]), Is.EqualTo(1));
    }

    [Test]
    public void Elements_ZeroDimension_IsZeroEvenWithHugeOthers()
    {
        Assert.That(TensorMemory.Elements([0, long.MaxValue, long.MaxValue]), Is.Zero);
    }

    [Test]
    public void Elements_ProductBeyond64Bits_ThrowsNamingTheShape()
    {
        Assert.That(() => TensorMemory.Elements([99999, 99999, 99999, 99999, 99999], "image shape"),
            Throws.ArgumentException.With.Message.Contains("[99999, 99999, 99999, 99999, 99999]")
                .And.Message.Contains("overflows"));
    }

    [Test]
    public void Bytes_ElementsFitButBytesOverflow_Throws()
    {
        Assert.That(() => TensorMemory.Bytes([long.MaxValue / 2], 4),
            Throws.ArgumentException.With.Message.Contains("bytes"));
    }

    [Test]
    public void Elements_NegativeDimension_Throws()
    {
        Assert.That(() => TensorMemory.Elements([3, -1]), Throws.ArgumentException.With.Message.Contains("negative"));
    }

    [Test]
    public void ArrayLength_AboveArrayMaxLength_Throws()
    {
        Assert.That(() => TensorMemory.ArrayLength([3, 99999, 99999]),
            Throws.ArgumentException.With.Message.Contains("array"));
    }

    [TestCase(512L, "512 B")]
    [TestCase(3072L, "3.0 KiB")]
    [TestCase(1610612736L, "1.5 GiB")]
    public void FormatBytes_Sizes_ReadAsBinaryUnits(long bytes, string text)
    {
        Assert.That(TensorMemory.FormatBytes(bytes), Is.EqualTo(text));
    }
}
