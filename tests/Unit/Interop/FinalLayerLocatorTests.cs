using ILrg.Interop;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Interop;

/// <summary>Final-layer detection: found by order, or named; ambiguity is an error listing the candidates.</summary>
public sealed class FinalLayerLocatorTests
{
    [TestCase("fcn", "fc", 64)]
    [TestCase("cnn", "head.4", 64)]
    public void Locate_RealModelState_FindsTheLastLinearWithAReason(string model, string expected, int d)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop(model, "model.pt"));

        FinalLayer layer = FinalLayerLocator.Locate(state);

        Assert.That((layer.Name, layer.Classes, layer.EmbeddingSize, layer.WasGiven),
            Is.EqualTo((expected, 10, d, false)));
        Assert.That(layer.Reason,
            Does.Contain($"'{expected}' found").And.Contain("last 2-D weight in state-dict order"));
    }

    [TestCase("head.4")]
    [TestCase("head.4.weight")]
    public void Locate_NamedLayer_UsedAndSaidSo(string name)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.npz"));

        FinalLayer layer = FinalLayerLocator.Locate(state, name);

        Assert.That((layer.WeightKey, layer.BiasKey, layer.WasGiven),
            Is.EqualTo(("head.4.weight", "head.4.bias", true)));
        Assert.That(layer.Reason, Does.Contain("as given"));
    }

    [Test]
    public void Locate_NamedEarlierLayer_UsesIt()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));

        Assert.That(FinalLayerLocator.Locate(state, "head.1").Classes, Is.EqualTo(64));
    }

    [TestCase("head.9", "no key 'head.9.weight'")]
    [TestCase("features.0", "6×1×5×5")]
    [TestCase("features.1", "is 6 and")]
    public void Locate_NamedLayerThatDoesNotFit_InvalidDataListingTheCandidates(string name, string why)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));

        var e = Assert.Throws<InvalidDataException>(() => FinalLayerLocator.Locate(state, name));

        Assert.That(e!.Message, Does.Contain(why).And.Contain("candidates: head.1 (64×256), head.4 (10×64)"));
    }

    [Test]
    public void Locate_SafetensorsWithSeveralCandidates_AmbiguousBecauseTheOrderIsTheWriters()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("fcn", "model.safetensors"));

        var e = Assert.Throws<InvalidDataException>(() => FinalLayerLocator.Locate(state));

        Assert.That(e!.Message,
            Does.Contain("ambiguous").And.Contain("fc (10×64)").And.Contain("name the final layer"));
    }

    [Test]
    public void Locate_LastTwoDimensionalTensorWithoutBias_AmbiguousListingTheCandidates()
    {
        StateDict state = Dict(("fc1.weight", [4, 3]), ("fc1.bias", [4]), ("proj.weight", [2, 4]));

        var e = Assert.Throws<InvalidDataException>(() => FinalLayerLocator.Locate(state));

        Assert.That(e!.Message, Does.Contain("'proj.weight' (2×4)").And.Contain("candidates: fc1 (4×3)"));
    }

    [Test]
    public void Locate_NoCandidate_InvalidData()
    {
        StateDict state = Dict(("conv.weight", [4, 3, 3, 3]), ("conv.bias", [4]), ("fc.weight", [2, 4]));

        var e = Assert.Throws<InvalidDataException>(() => FinalLayerLocator.Locate(state));

        Assert.That(e!.Message, Does.Contain("no final layer found"));
    }

    [Test]
    public void Locate_BiasOfAnotherSize_NotACandidate()
    {
        StateDict state = Dict(("a.weight", [4, 3]), ("a.bias", [4]), ("b.weight", [2, 4]), ("b.bias", [3]));

        var e = Assert.Throws<InvalidDataException>(() => FinalLayerLocator.Locate(state));

        Assert.That(e!.Message, Does.Contain("'b.weight'"));
    }

    [Test]
    public void Locate_OneDimensionalTensorsAfterTheClassifier_StillFound()
    {
        StateDict state = Dict(("fc.weight", [3, 5]), ("fc.bias", [3]), ("temperature", [1]));

        Assert.That(FinalLayerLocator.Locate(state).Name, Is.EqualTo("fc"));
    }

    private static StateDict Dict(params (string Name, long[] Shape)[] tensors) => StateDict.Create(
        "test state", StateDictFormat.InMemory,
        tensors.Select(t =>
            StateTensor.FromDoubles(t.Name, t.Shape, new double[t.Shape.Aggregate(1L, (a, b) => a * b)])));
}
