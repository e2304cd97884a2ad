using System.Text.Json;
using ILrg.Interop;
using ILrg.Restoration;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Interop;

/// <summary>
/// Observations built from updates that real PyTorch produced: the untrained FedSGD cases restore the true counts
/// exactly with iLRG through every format (issue 10), and FedAvg updates become a flagged approximation.
/// </summary>
public sealed class ExternalObservationsTests
{
    private const int N = 24;

    private static IEnumerable<TestCaseData> FedSgdCases()
    {
        yield return new TestCaseData("fcn", "pt", "pt", null).SetName("Restore_FcnPtAndPt_TrueCounts");
        yield return new TestCaseData("fcn", "npz", "npz", null).SetName("Restore_FcnNpzAndNpz_TrueCounts");
        yield return new TestCaseData("fcn", "safetensors", "safetensors", "fc")
            .SetName("Restore_FcnSafetensorsAndSafetensors_TrueCounts");
        yield return new TestCaseData("fcn", "pt", "safetensors", null)
            .SetName("Restore_FcnPtAndSafetensors_TrueCounts");
        yield return new TestCaseData("cnn", "pt", "pt", null).SetName("Restore_CnnPtAndPt_TrueCounts");
        yield return new TestCaseData("cnn", "npz", "npz", null).SetName("Restore_CnnNpzAndNpz_TrueCounts");
        yield return new TestCaseData("cnn", "pt", "npz", "head.4").SetName("Restore_CnnNamedHead4_TrueCounts");
    }

    [TestCaseSource(nameof(FedSgdCases))]
    public void Restore_UntrainedFedSgdFixture_TrueCountsExactly(string model, string stateExt, string gradExt,
        string? finalLayer)
    {
        ExternalObservation o = FedSgd(model, stateExt, gradExt, finalLayer);

        LabelRestoration r = new ILrgRestorer().Restore(o.Observation);

        Assert.That(r.Counts, Is.EqualTo(InteropFixtures.TrueCounts(model)));
        Assert.That((o.IsApproximated, o.Kind), Is.EqualTo((false, UpdateKind.Gradients)));
    }

    [TestCase("fcn")]
    [TestCase("cnn")]
    public void Restore_SameUpdateInEveryFormat_IdenticalCountsAndSolutions(string model)
    {
        string[] formats = model == "fcn" ? ["pt", "npz", "safetensors"] : ["pt", "npz"];
        var restorations = formats
            .Select(f => new ILrgRestorer().Restore(FedSgd(model, f, f, model == "fcn" ? "fc" : "head.4").Observation))
            .ToList();

        foreach (LabelRestoration r in restorations.Skip(1))
        {
            Assert.That(r.Counts, Is.EqualTo(restorations[0].Counts));
            Assert.That(r.Diagnostics!.Solution, Is.EqualTo(restorations[0].Diagnostics!.Solution));
        }
    }

    [TestCase("fcn")]
    [TestCase("cnn")]
    public void Build_FedSgd_ObservationIsTheFilesFinalLayer(string model)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop(model, "model.pt"));
        StateDict grads = StateDictReader.Read(InteropFixtures.Interop(model, "fedsgd-grads.pt"));

        ExternalObservation o = ExternalObservations.Build(state, ExternalUpdate.Gradients(grads), N);

        Assert.That(o.Observation.Weight.ToArray(), Is.EqualTo(state[o.FinalLayer.WeightKey].ToDoubles()));
        Assert.That(o.Observation.BiasGradient.ToArray(), Is.EqualTo(grads[o.FinalLayer.BiasKey].ToDoubles()));
        Assert.That((o.Observation.Classes, o.Observation.BatchSize), Is.EqualTo((10, N)));
        Assert.That(o.Derivation, Does.StartWith("FedSGD"));
    }

    [TestCase("fcn")]
    [TestCase("cnn")]
    public void Build_FedAvgOneFullBatchStep_GradientEqualsFedSgdUpToFloat32Rounding(string model)
    {
        // θ_after = fl(θ − lr·g) in float32, so −Δθ/lr differs from g by at most the rounding of θ and θ_after (an
        // ulp of each is ≤ 2^-23 of its magnitude) divided by lr, plus the rounding of lr·g itself.
        (StateDict state, ExternalObservation o, JsonElement meta) = FedAvg(model, "fedavg1-after", "fedavg1");
        StateDict after = StateDictReader.Read(InteropFixtures.Interop(model, "fedavg1-after.pt"));
        StateDict grads = StateDictReader.Read(InteropFixtures.Interop(model, "fedsgd-grads.pt"));
        double lr = meta.GetProperty("lr").GetDouble();
        double[] g = grads[o.FinalLayer.WeightKey].ToDoubles();
        double[] before = state[o.FinalLayer.WeightKey].ToDoubles();
        double[] moved = after[o.FinalLayer.WeightKey].ToDoubles();
        double[] approx = o.Observation.WeightGradient.ToArray();

        for (int i = 0; i < g.Length; i++)
        {
            double bound = (Math.Pow(2, -23) * (Math.Abs(before[i]) + Math.Abs(moved[i])) / lr)
                           + (Math.Pow(2, -22) * Math.Abs(g[i]));
            Assert.That(Math.Abs(approx[i] - g[i]), Is.LessThanOrEqualTo(bound), $"entry {i}");
        }
    }

    [TestCase("fcn")]
    [TestCase("cnn")]
    public void Restore_FedAvgOneFullBatchStep_SameCountsAsFedSgd(string model)
    {
        ExternalObservation o = FedAvg(model, "fedavg1-after", "fedavg1").Observation;

        Assert.That(new ILrgRestorer().Restore(o.Observation).Counts, Is.EqualTo(InteropFixtures.TrueCounts(model)));
    }

    [TestCase("fcn")]
    [TestCase("cnn")]
    public void Build_FedAvgSeveralSteps_FlaggedApproximationWithLrAndSteps(string model)
    {
        (StateDict state, ExternalObservation o, JsonElement meta) = FedAvg(model, "fedavg-after", "fedavg");
        StateDict after = StateDictReader.Read(InteropFixtures.Interop(model, "fedavg-after.pt"));
        double lr = meta.GetProperty("lr").GetDouble();
        int steps = meta.GetProperty("steps").GetInt32();
        double[] before = state[o.FinalLayer.BiasKey].ToDoubles();
        double[] moved = after[o.FinalLayer.BiasKey].ToDoubles();

        Assert.That(o.IsApproximated, Is.True);
        Assert.That(o.Derivation, Does.Contain("approximated").And.Contain("lr = 0.05").And.Contain("steps = 3"));
        double[] expected = [.. before.Zip(moved, (b, a) => -(a - b) / (lr * steps))];
        Assert.That(o.Observation.BiasGradient.ToArray(), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Build_WeightDelta_SameObservationAsWeightsAfter()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));
        StateDict after = StateDictReader.Read(InteropFixtures.Interop("cnn", "fedavg-after.pt"));
        StateDict delta = StateDict.Create("delta", StateDictFormat.InMemory, after.Select(t => StateTensor.FromDoubles(
            t.Name, [.. t.Shape], [.. t.ToDoubles().Zip(state[t.Name].ToDoubles(), (a, b) => a - b)])));

        var fromAfter = ExternalObservations.Build(state, ExternalUpdate.WeightsAfter(after, 0.05, 3), N);
        var fromDelta = ExternalObservations.Build(state, ExternalUpdate.WeightDelta(delta, 0.05, 3), N);

        Assert.That(fromDelta.Observation.WeightGradient.ToArray(),
            Is.EqualTo(fromAfter.Observation.WeightGradient.ToArray()));
        Assert.That(fromDelta.Derivation, Does.Contain("the given Δθ"));
    }

    [TestCase(0.0, 3)]
    [TestCase(-0.05, 3)]
    [TestCase(double.NaN, 3)]
    [TestCase(0.05, 0)]
    public void WeightsAfter_BadLearningRateOrSteps_ArgumentOutOfRange(double lr, int steps)
    {
        StateDict after = StateDictReader.Read(InteropFixtures.Interop("cnn", "fedavg-after.npz"));

        Assert.Throws<ArgumentOutOfRangeException>(() => ExternalUpdate.WeightsAfter(after, lr, steps));
    }

    [Test]
    public void Build_WeightsThatDidNotMove_InvalidDataZeroUpdate()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("cnn", "model.pt"));

        var e = Assert.Throws<InvalidDataException>(
            () => ExternalObservations.Build(state, ExternalUpdate.WeightsAfter(state, 0.05, 3), N));

        Assert.That(e!.Message, Does.Contain("did not move").And.Contain("head.4.weight"));
    }

    [Test]
    public void Build_AllZeroGradient_InvalidData()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("fcn", "model.pt"));
        StateDict zero = StateDict.Create("zero grads", StateDictFormat.InMemory,
            state.Select(t => StateTensor.FromDoubles(t.Name, [.. t.Shape], new double[t.ElementCount])));

        var e = Assert.Throws<InvalidDataException>(
            () => ExternalObservations.Build(state, ExternalUpdate.Gradients(zero), N));

        Assert.That(e!.Message, Does.StartWith("zero grads").And.Contain("all zero"));
    }

    [Test]
    public void Build_BatchSizeZero_ArgumentOutOfRange()
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop("fcn", "model.pt"));
        StateDict grads = StateDictReader.Read(InteropFixtures.Interop("fcn", "fedsgd-grads.pt"));

        Assert.Throws<ArgumentOutOfRangeException>(
            () => ExternalObservations.Build(state, ExternalUpdate.Gradients(grads), 0));
    }

    private static ExternalObservation FedSgd(string model, string stateExt, string gradExt, string? finalLayer)
    {
        StateDict state = StateDictReader.Read(InteropFixtures.Interop(model, "model." + stateExt));
        StateDict grads = StateDictReader.Read(InteropFixtures.Interop(model, "fedsgd-grads." + gradExt));
        return ExternalObservations.Build(state, ExternalUpdate.Gradients(grads), N, finalLayer);
    }

    private static (StateDict State, ExternalObservation Observation, JsonElement Meta) FedAvg(
        string model, string file, string metaKey)
    {
        JsonElement meta = InteropFixtures.Meta(model).GetProperty(metaKey);
        StateDict state = StateDictReader.Read(InteropFixtures.Interop(model, "model.npz"));
        StateDict after = StateDictReader.Read(InteropFixtures.Interop(model, file + ".npz"));
        var update = ExternalUpdate.WeightsAfter(
            after, meta.GetProperty("lr").GetDouble(), meta.GetProperty("steps").GetInt32());
        return (state, ExternalObservations.Build(state, update, N), meta);
    }
}
