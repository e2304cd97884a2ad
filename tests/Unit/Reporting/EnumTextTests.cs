using ILrg.Data;
using ILrg.Inversion;
using ILrg.Models;
using ILrg.Reporting;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Reporting;

public sealed class EnumTextTests
{
    [Test]
    public void Names_Distribution_AreTheCommandLineNames()
    {
        Assert.That(
            EnumText.Names<BatchDistribution>(),
            Is.EqualTo(new[] { "random", "balanced", "random2", "custom-imbalanced", "extreme", "unique" }));
    }

    [Test]
    public void Of_LabelMode_UsesTheJsonName()
    {
        Assert.That(EnumText.Of(LabelMode.GroundTruth), Is.EqualTo("gt"));
    }

    [Test]
    public void Parse_AnyCase_GivesTheValue()
    {
        Assert.That(EnumText.Parse<Activation>("Leaky-ReLU"), Is.EqualTo(Activation.LeakyRelu));
    }

    [Test]
    public void Parse_Unknown_ThrowsListingTheValidNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => EnumText.Parse<Activation>("tanh"));

        Assert.That(ex!.Message, Does.Contain("tanh").And.Contain("relu, silu, leaky-relu"));
    }

    [Test]
    public void Names_EveryReportEnum_MatchTheJsonSerialiser()
    {
        foreach (Activation a in Enum.GetValues<Activation>())
        {
            Assert.That(ResultJson.Serialize(a), Is.EqualTo($"\"{EnumText.Of(a)}\""));
        }

        foreach (LabelMode m in Enum.GetValues<LabelMode>())
        {
            Assert.That(ResultJson.Serialize(m), Is.EqualTo($"\"{EnumText.Of(m)}\""));
        }
    }
}
