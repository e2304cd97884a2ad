using ILrg.Interop;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Interop;

/// <summary>Keys and shapes of an update must match the model state; gradients may omit what has no gradient.</summary>
public sealed class StateDictMatchingTests
{
    [Test]
    public void Require_CnnGradientsWithoutBatchNormBuffers_Accepted()
    {
        StateDict model = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));
        StateDict grads = StateDictReader.Read(InteropFixtures.Interop("cnn", "fedsgd-grads.pt"));

        Assert.That(grads.Contains("features.1.running_mean"), Is.False);
        Assert.DoesNotThrow(() => StateDictMatching.Require(model, grads, UpdateKind.Gradients));
    }

    [Test]
    public void Require_WeightsAfterWithoutTheBuffers_MissingKeysNamed()
    {
        StateDict model = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));
        StateDict grads = StateDictReader.Read(InteropFixtures.Interop("cnn", "fedsgd-grads.pt"));

        var e = Assert.Throws<InvalidDataException>(
            () => StateDictMatching.Require(model, grads, UpdateKind.WeightsAfter));

        Assert.That(e!.Message, Does.Contain("features.1.running_mean, features.1.running_var, " +
                                             "features.1.num_batches_tracked"));
    }

    [Test]
    public void Require_UpdateOfAnotherModel_MissingAndExtraBothNamedWithBothFiles()
    {
        string modelPath = InteropFixtures.Interop("fcn", "model.npz");
        string gradPath = InteropFixtures.Interop("cnn", "fedsgd-grads.npz");
        StateDict model = StateDictReader.Read(modelPath);
        StateDict grads = StateDictReader.Read(gradPath);

        var e = Assert.Throws<InvalidDataException>(
            () => StateDictMatching.Require(model, grads, UpdateKind.Gradients));

        Assert.That(e!.Message, Does.StartWith(gradPath).And.Contain(modelPath)
            .And.Contain("missing (in the model, not in the update): fin.1.weight")
            .And.Contain("extra (in the update, not in the model): features.0.weight"));
    }
}
