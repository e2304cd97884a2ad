using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Trials;
using ILrg.Claims;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Restoration.Contract;

/// <summary>
/// The contract every registered method runs (issue 5): counts non-negative with one entry per class, summing to N
/// where promised, deterministic for a seed, invariant to the order of the batch, equivariant to relabelling the classes.
/// One small real update (FCN on a 1×8×8 synthetic stand-in, C = 6, N = 12) feeds every method.
/// </summary>
[TestFixture]
public sealed class RestorerContractTests
{
    private const int Classes = 6;
    private const ulong Seed = 7;

    // Counts {0:4, 2:3, 4:4, 5:1}; SyntheticDataset labels image i with i mod C.
    private static readonly int[] Indices = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 22, 5];

    // Relabelling σ: old class c becomes class Sigma[c].
    private static readonly int[] Sigma = [3, 5, 0, 1, 4, 2];

    private SyntheticDataset _dataset = null!;
    private Classifier _model = null!;
    private Classifier _relabelledModel = null!;

    public static IEnumerable<TestCaseData> All() =>
        RestorerRegistry.All.Select(d => new TestCaseData(d).SetArgDisplayNames(d.Name));

    public static IEnumerable<TestCaseData> SummingToN() =>
        RestorerRegistry.All.Where(d => d.SumsToN).Select(d => new TestCaseData(d).SetArgDisplayNames(d.Name));

    public static IEnumerable<TestCaseData> Equivariant() =>
        RestorerRegistry.All.Where(d => d.ClassEquivariant).Select(d => new TestCaseData(d).SetArgDisplayNames(d.Name));

    [OneTimeSetUp]
    public void BuildModels()
    {
        _dataset = new SyntheticDataset("contract", new ImageShape(1, 8, 8), Classes, 60, 3, Normalisation.Mnist);
        var spec = new ModelSpec("fcn", HiddenLayers: 1, Width: 32);
        using (var g = new Generator(42))
        {
            _model = ModelZoo.Create(spec, _dataset.Shape, Classes, g);
        }

        using (var g = new Generator(42))
        {
            _relabelledModel = ModelZoo.Create(spec, _dataset.Shape, Classes, g);
        }

        int[] inverse = new int[Classes];
        for (int c = 0; c < Classes; c++)
        {
            inverse[Sigma[c]] = c;
        }

        using (no_grad())
        using (var rows = tensor(inverse.Select(v => (long)v).ToArray(), int64))
        {
            var fc = _relabelledModel.Fc;
            using Tensor w = fc.weight!.index_select(0, rows);
            using Tensor b = fc.bias!.index_select(0, rows);
            fc.weight!.copy_(w);
            fc.bias!.copy_(b);
        }
    }

    [OneTimeTearDown]
    public void DisposeModels()
    {
        _model.Dispose();
        _relabelledModel.Dispose();
    }

    [TestCaseSource(nameof(All))]
    public void Counts_AnyMethod_AreNonNegativeWithOneEntryPerClass(RestorerDescriptor method)
    {
        LabelRestoration result = Restore(method, Indices, relabelled: false);

        Assert.Multiple(() =>
        {
            Assert.That(result.Counts, Has.Length.EqualTo(Classes));
            Assert.That(result.Counts, Is.All.GreaterThanOrEqualTo(0));
        });
    }

    [TestCaseSource(nameof(SummingToN))]
    public void Counts_MethodPromisingN_SumToN(RestorerDescriptor method)
    {
        LabelRestoration result = Restore(method, Indices, relabelled: false);

        Assert.That(result.Counts.Sum(), Is.EqualTo(Indices.Length));
    }

    [TestCaseSource(nameof(All))]
    public void Restore_SameSeedTwice_GivesSameCounts(RestorerDescriptor method)
    {
        LabelRestoration first = Restore(method, Indices, relabelled: false);
        LabelRestoration second = Restore(method, Indices, relabelled: false);

        Assert.That(second.Counts, Is.EqualTo(first.Counts));
    }

    [TestCaseSource(nameof(All))]
    public void Restore_PermutedBatch_GivesSameCounts(RestorerDescriptor method)
    {
        int[] shuffled = [.. Indices.Reverse().Skip(3), .. Indices.Reverse().Take(3)];

        LabelRestoration original = Restore(method, Indices, relabelled: false);
        LabelRestoration permuted = Restore(method, shuffled, relabelled: false);

        Assert.That(permuted.Counts, Is.EqualTo(original.Counts));
    }

    [TestCaseSource(nameof(Equivariant))]
    public void Restore_RelabelledClasses_RelabelsCounts(RestorerDescriptor method)
    {
        LabelRestoration original = Restore(method, Indices, relabelled: false);
        LabelRestoration relabelled = Restore(method, Indices, relabelled: true);

        var expected = new int[Classes];
        for (int c = 0; c < Classes; c++)
        {
            expected[Sigma[c]] = original.Counts[c];
        }

        Assert.That(relabelled.Counts, Is.EqualTo(expected));
    }

    [Test]
    public void Registry_EveryMethodButTheBounds_IsDeclaredAnAttack()
    {
        var bounds = RestorerRegistry.All.Where(d => d.Bound != RestorerBound.None).Select(d => d.Name);

        Assert.That(bounds, Is.EquivalentTo(new[] { "oracle", "random" }));
    }

    [Test]
    public void Registry_OnlyTheOracle_DeclaresTruth()
    {
        var needTruth = RestorerRegistry.All.Where(d => d.Inputs.HasFlag(RestorerInputs.Truth)).Select(d => d.Name);

        Assert.That(needTruth, Is.EqualTo(new[] { "oracle" }));
    }

    [Test]
    public void Create_ModelMethodWithoutModel_ThrowsNamingTheMethod()
    {
        Assert.That(
            () => RestorerRegistry.Find("zero-shot").Create(RestorerContext.ObservationOnly()),
            Throws.ArgumentException.With.Message.Contains("zero-shot"));
    }

    [Test]
    public void Select_UnknownName_ThrowsListingKnownNames()
    {
        Assert.That(() => RestorerRegistry.Select("ilrg,nope"), Throws.ArgumentException.With.Message.Contains("nope"));
    }

    private LabelRestoration Restore(RestorerDescriptor method, int[] indices, bool relabelled)
    {
        using var scope = NewDisposeScope();
        Classifier model = relabelled ? _relabelledModel : _model;
        int[] labels = indices.Select(i => _dataset.LabelOf(i)).Select(l => relabelled ? Sigma[l] : l).ToArray();
        var batch = new Batch(_dataset, indices, labels);
        var counts = new int[Classes];
        foreach (int l in labels)
        {
            counts[l]++;
        }

        ClientUpdate update = Client.LastLayerClosedForm(model, batch);
        LastLayerObservation observation = AttackerView.Observe(model, update);
        Batch heldOut = TrialPipeline.HeldOut(_dataset, new Batch(_dataset, Indices, labels), 16, 99);
        // Relabelling the classes relabels the attacker's labelled auxiliary images too (RLU reads their labels).
        var auxiliary = new Batch(
            _dataset, heldOut.Indices, heldOut.Labels.Select(l => relabelled ? Sigma[l] : l).ToArray());
        var context = new RestorerContext(
            Seed, 1.0, model, _dataset.Shape, auxiliary, ImmutableArray.Create(counts), LocalTraining.FedSgd, update);
        return method.Create(context).Restore(observation);
    }
}
