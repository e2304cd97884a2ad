using ILrg.Experiments;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Experiments.Comparison;

public sealed class RestorerCatalogRegistrationTests
{
    [TestCase("svd")]
    [TestCase("llg")]
    [TestCase("ebi")]
    [TestCase("ilrg-mip")]
    public void Create_ObservationOnlyPeer_IsAvailableToRun(string name)
    {
        Assert.That(RestorerCatalog.Create(name).Name, Is.EqualTo(name));
    }

    [Test]
    public void Names_BoundsAndModelMethods_AreNotOfferedToRun()
    {
        Assert.That(
            RestorerCatalog.Names,
            Does.Not.Contain("oracle").And.Not.Contain("random").And.Not.Contain("zero-shot").And.Not.Contain("llg+"));
    }
}
