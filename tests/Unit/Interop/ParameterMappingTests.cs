using ILrg.Federated;
using ILrg.Interop;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Interop;

/// <summary>The paper's parameter names (fin.0, hiddens.0.0, fc) mapped onto ILrg's FCN-3 by order and shape.</summary>
public sealed class ParameterMappingTests
{
    [Test]
    public void ByOrderAndShape_PaperFcn3_MapsEveryKeyToIlrgsNames()
    {
        StateDict paper = StateDictReader.Read(InteropFixtures.IgParity("a", "model.npz"));
        using var model = Fcn3();

        var map = ParameterMapping.ByOrderAndShape(paper, model);

        Assert.That(map, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["fin.0.weight"] = "body.linear0.weight",
            ["fin.0.bias"] = "body.linear0.bias",
            ["hiddens.0.0.weight"] = "body.linear1.weight",
            ["hiddens.0.0.bias"] = "body.linear1.bias",
            ["fc.weight"] = "fc.weight",
            ["fc.bias"] = "fc.bias",
        }));
    }

    [Test]
    public void LoadInto_PaperFcn3_ModelHoldsTheFilesWeights()
    {
        StateDict paper = StateDictReader.Read(InteropFixtures.IgParity("a", "model.npz"));
        using var model = Fcn3();

        ParameterMapping.LoadInto(paper, model, ParameterMapping.ByOrderAndShape(paper, model));

        Assert.That(model.state_dict()["body.linear1.weight"].data<float>().ToArray(),
            Is.EqualTo(paper["hiddens.0.0.weight"].ToSingles()));
    }

    [Test]
    public void LoadIntoAndToStateDict_LeaveNoNativeTensor()
    {
        StateDict paper = StateDictReader.Read(InteropFixtures.IgParity("a", "model.npz"));
        using var model = Fcn3();
        var map = ParameterMapping.ByOrderAndShape(paper, model);
        ParameterMapping.LoadInto(paper, model, map); // warms up

        long left = NativeLeakCheck.LiveTensorsLeftBy(() =>
        {
            ParameterMapping.LoadInto(paper, model, map);
            ModuleStates.ToStateDict(model, "fcn-3");
        });

        Assert.That(left, Is.Zero);
    }

    [Test]
    public void ToClientUpdate_PaperGradients_KeyedByIlrgNamesWithN()
    {
        StateDict paper = StateDictReader.Read(InteropFixtures.IgParity("a", "model.npz"));
        StateDict grads = StateDictReader.Read(InteropFixtures.IgParity("a", "grads.npz"));
        using var model = Fcn3();
        var map = ParameterMapping.ByOrderAndShape(paper, model);

        ClientUpdate update = ParameterMapping.ToClientUpdate(grads, map, paper, 50);

        Assert.That(update.BatchSize, Is.EqualTo(50));
        Assert.That(update[ClientUpdate.FcBias].Values, Is.EqualTo(grads["fc.bias"].ToSingles()));
        Assert.That(update.Gradients.Keys, Is.EquivalentTo(model.named_parameters().Select(p => p.name)));
    }

    [Test]
    public void ByOrderAndShape_ModelOfAnotherWidth_InvalidDataNamingBothTensors()
    {
        StateDict paper = StateDictReader.Read(InteropFixtures.IgParity("a", "model.npz"));
        using var model = new Fcn(784, 10, 1, 64, Activation.Relu, new Generator(0));

        var e = Assert.Throws<InvalidDataException>(() => ParameterMapping.ByOrderAndShape(paper, model));

        Assert.That(e!.Message, Does.Contain("'fin.0.weight' (300×784)").And.Contain("'body.linear0.weight' (64×784)"));
    }

    [Test]
    public void ByOrderAndShape_ModelWithMoreLayers_InvalidDataNamingTheCounts()
    {
        StateDict paper = StateDictReader.Read(InteropFixtures.IgParity("a", "model.npz"));
        using var model = new Fcn(784, 10, 2, 300, Activation.Relu, new Generator(0));

        var e = Assert.Throws<InvalidDataException>(() => ParameterMapping.ByOrderAndShape(paper, model));

        Assert.That(e!.Message, Does.Contain("6 tensors, but the model has 8"));
    }

    [Test]
    public void ByOrderAndShape_SafetensorsOrder_Refused()
    {
        StateDict sorted = StateDictReader.Read(InteropFixtures.Interop("fcn", "model.safetensors"));
        using var model = new Fcn(784, 10, 1, 64, Activation.Relu, new Generator(0));

        var e = Assert.Throws<InvalidDataException>(() => ParameterMapping.ByOrderAndShape(sorted, model));

        Assert.That(e!.Message, Does.Contain("order"));
    }

    private static Fcn Fcn3() => new(784, 10, 1, 300, Activation.Relu, new Generator(0));
}
