using ILrg.Restoration.Registry;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration.Registry;

public sealed class RestorerRegistryTests
{
    [Test]
    public void Names_Always_AreUniqueIgnoringCase()
    {
        Assert.That(RestorerRegistry.Names.Select(n => n.ToLowerInvariant()), Is.Unique);
    }

    [Test]
    public void Find_AnyCase_FindsTheDescriptor()
    {
        Assert.That(RestorerRegistry.Find("ILRG-Estimate").Name, Is.EqualTo("ilrg-estimate"));
    }

    [Test]
    public void Find_UnknownName_ThrowsListingTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => RestorerRegistry.Find("magic"));

        Assert.That(ex!.Message, Does.Contain("magic").And.Contain("ilrg").And.Contain("svd"));
    }

    [Test]
    public void Select_ListWithDuplicates_KeepsOrderAndDropsRepeats()
    {
        var chosen = RestorerRegistry.Select("svd, ilrg,SVD");

        Assert.That(chosen.Select(d => d.Name), Is.EqualTo(new[] { "svd", "ilrg" }));
    }

    [Test]
    public void Select_All_GivesEveryMethod()
    {
        Assert.That(RestorerRegistry.Select("all"), Has.Count.EqualTo(RestorerRegistry.All.Count));
    }

    [Test]
    public void ObservationOnlyNames_Always_ExcludeBoundsAndMethodsThatNeedMore()
    {
        Assert.That(
            RestorerRegistry.ObservationOnlyNames,
            Does.Not.Contain("oracle").And.Not.Contain("random").And.Not.Contain("zero-shot").And.Not.Contain("llg+")
                .And.Contain("svd").And.Contain("ilrg-mip"));
    }

    [TestCase("llg+")]
    [TestCase("zero-shot")]
    [TestCase("oracle")]
    public void Create_DeclaredInputMissing_ThrowsNamingTheMethod(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            RestorerRegistry.Find(name).Create(RestorerContext.ObservationOnly()));

        Assert.That(ex!.Message, Does.Contain(name));
    }

    [Test]
    public void Create_Alpha_ReachesILrg()
    {
        var context = RestorerContext.ObservationOnly(alpha: -1);

        Assert.Throws<ArgumentOutOfRangeException>(() => RestorerRegistry.Find("ilrg").Create(context));
    }
}
