using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Federated;

/// <summary>Known answers for every defence on the shared update (SPEC.md §7, issue 11).</summary>
public sealed class DefenceTests
{
    private static ClientUpdate Update(float[] weight, float[] bias) => new(4, new Dictionary<string, ParameterGradient>
    {
        [ClientUpdate.FcWeight] = new([bias.Length, weight.Length / bias.Length], weight),
        [ClientUpdate.FcBias] = new([bias.Length], bias),
    });

    private static float[] Shuffled(int n, int seed)
    {
        var values = Enumerable.Range(1, n).Select(v => (float)v).ToArray();
        new Random(seed).Shuffle(values);
        return values;
    }

    private static double Norm(ClientUpdate u) =>
        Math.Sqrt(u.Gradients.Values.Sum(g => g.Values.Sum(v => (double)v * v)));

    [Test]
    public void Clip_UpdateAboveBound_IsScaledToTheBound()
    {
        ClientUpdate update = Update([3, 0, 0, 0], [4, 0]);

        ClientUpdate clipped = UpdateDefences.Apply(update, new UpdateDefence(DefenceKind.Clip, 1.0), 0);

        Assert.Multiple(() =>
        {
            Assert.That(Norm(clipped), Is.EqualTo(1.0 * 5 / (5 + 1e-6)).Within(1e-6),
                "‖(3, 4)‖ = 5 scaled to the bound");
            Assert.That(clipped[ClientUpdate.FcWeight].Values[0], Is.EqualTo(0.6f).Within(1e-6f));
            Assert.That(clipped[ClientUpdate.FcBias].Values[0], Is.EqualTo(0.8f).Within(1e-6f));
        });
    }

    [Test]
    public void Clip_UpdateBelowBound_IsUnchanged()
    {
        ClientUpdate update = Update([0.3f, 0, 0, 0], [0.4f, 0]);

        ClientUpdate clipped = UpdateDefences.Apply(update, new UpdateDefence(DefenceKind.Clip, 1.0), 0);

        Assert.That(clipped[ClientUpdate.FcBias].Values, Is.EqualTo(update[ClientUpdate.FcBias].Values));
    }

    [Test]
    public void Sparsify_TenPercent_ZeroesTheSmallestTenthOfEachTensor()
    {
        ClientUpdate update = Update(Shuffled(100, 1), Shuffled(10, 2));

        ClientUpdate sparse = UpdateDefences.Apply(update, new UpdateDefence(DefenceKind.Sparsify, 10), 0);

        float[] w = sparse[ClientUpdate.FcWeight].Values, b = sparse[ClientUpdate.FcBias].Values;
        float[] original = update[ClientUpdate.FcWeight].Values;
        Assert.Multiple(() =>
        {
            Assert.That(w.Count(v => v == 0), Is.EqualTo(10));
            Assert.That(Enumerable.Range(0, 100).Where(i => w[i] == 0).Select(i => original[i]),
                Is.EquivalentTo(Enumerable.Range(1, 10).Select(v => (float)v)));
            Assert.That(b.Count(v => v == 0), Is.EqualTo(1));
            Assert.That(b.Min(v => Math.Abs(v)), Is.EqualTo(0f));
            Assert.That(b.Where(v => v != 0).Min(), Is.EqualTo(2f));
        });
    }

    [Test]
    public void TopK_Five_KeepsTheFiveLargestEntriesOfTheWholeUpdate()
    {
        ClientUpdate update = Update(Shuffled(8, 3), [-20, 0.5f]);

        ClientUpdate top = UpdateDefences.Apply(update, new UpdateDefence(DefenceKind.TopK, 5), 0);

        float[] kept = [.. top[ClientUpdate.FcWeight].Values.Where(v => v != 0),
            .. top[ClientUpdate.FcBias].Values.Where(v => v != 0)];
        Assert.That(kept, Is.EquivalentTo(new float[] { -20, 8, 7, 6, 5 }));
    }

    [Test]
    public void TopK_KBeyondTheUpdate_ThrowsNamingItsSize()
    {
        ClientUpdate update = Update(new float[8], new float[2]);

        Assert.That(() => UpdateDefences.Apply(update, new UpdateDefence(DefenceKind.TopK, 11), 0),
            Throws.ArgumentException.With.Message.Contains("10 entries"));
    }

    [Test]
    public void Quantise_EightBits_PutsEveryEntryOnTheSymmetricGridWithinHalfAStep()
    {
        float[] values = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i * 0.37) * 0.05f).ToArray();
        float[] quantised = (float[])values.Clone();

        UpdateDefences.Quantise(quantised, 8);

        double step = values.Max(v => Math.Abs(v)) / 127.0;
        Assert.Multiple(() =>
        {
            Assert.That(quantised.Select(v => v / step).All(q => Math.Abs(q - Math.Round(q)) < 1e-2), Is.True,
                "on the grid");
            Assert.That(values.Zip(quantised, (v, q) => Math.Abs(v - q)).Max(), Is.LessThanOrEqualTo(step / 2 + 1e-9));
            Assert.That(quantised.Select(v => Math.Round(v / step)).Distinct().Count(), Is.LessThanOrEqualTo(255));
        });
    }

    [Test]
    public void Quantise_OneBit_IsTheSignTimesTheMeanMagnitude()
    {
        float[] values = [0.5f, -1.5f, 2f, 0f];

        UpdateDefences.Quantise(values, 1);

        Assert.That(values, Is.EqualTo(new[] { 1f, -1f, 1f, 0f }));
    }

    [Test]
    public void Noise_SameSeed_GivesTheSameUpdateAndTheRequestedSpread()
    {
        ClientUpdate update = Update(new float[3000], new float[10]);
        var defence = new UpdateDefence(DefenceKind.Noise, 0.01);

        ClientUpdate a = UpdateDefences.Apply(update, defence, 7);
        ClientUpdate b = UpdateDefences.Apply(update, defence, 7);

        float[] w = a[ClientUpdate.FcWeight].Values;
        double sd = Math.Sqrt(w.Average(v => (double)v * v));
        Assert.Multiple(() =>
        {
            Assert.That(b[ClientUpdate.FcWeight].Values, Is.EqualTo(w));
            Assert.That(sd, Is.EqualTo(0.01).Within(0.0005), "3000 draws: the standard deviation within 5%");
            Assert.That(update[ClientUpdate.FcWeight].Values, Is.All.EqualTo(0f), "the input is not modified");
        });
    }

    [TestCase(DefenceKind.Noise, -1e-3, "σ")]
    [TestCase(DefenceKind.Clip, 0, "bound")]
    [TestCase(DefenceKind.Sparsify, 100, "percentage")]
    [TestCase(DefenceKind.Quantise, 3.5, "bits")]
    [TestCase(DefenceKind.TopK, 0, "k")]
    public void Validate_BadStrength_ThrowsNamingTheParameter(DefenceKind kind, double strength, string named)
    {
        Assert.That(() => new UpdateDefence(kind, strength).Validate(),
            Throws.ArgumentException.With.Message.Contains(named));
    }

    [Test]
    public void Soteria_TwentyPercent_MasksThatManyWeightColumnsAndKeepsTheBias()
    {
        var data = new SyntheticDataset("soteria", new ImageShape(1, 8, 8), 4, 40, 5, Normalisation.Mnist);
        using var scope = NewDisposeScope();
        using var g = new Generator(3);
        using Classifier model = ModelZoo.Create(new ModelSpec("fcn", Width: 20), data.Shape, 4, g);
        Batch batch = new BatchSampler(data).Sample(8, BatchDistribution.Random, 1);
        ClientUpdate update = Client.LastLayerClosedForm(model, batch);

        bool[] pruned = SoteriaMask.Compute(model, batch, ClientMode.Eval, 20);
        ClientUpdate defended = UpdateDefences.Apply(update, new UpdateDefence(DefenceKind.Soteria, 20), 0, pruned);

        float[] w = defended[ClientUpdate.FcWeight].Values;
        int[] zeroColumns = Enumerable.Range(0, 20).Where(j => Enumerable.Range(0,
            4).All(i => w[i * 20 + j] == 0)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(pruned.Count(p => p), Is.EqualTo(4));
            Assert.That(zeroColumns, Is.SupersetOf(Enumerable.Range(0, 20).Where(j => pruned[j])));
            Assert.That(defended[ClientUpdate.FcBias].Values, Is.EqualTo(update[ClientUpdate.FcBias].Values));
        });
    }

    [Test]
    public void Cosine_UpdateWithItself_IsOneAndWithItsNegationMinusOne()
    {
        ClientUpdate a = Update([1, 2, 3, 4], [1, -1]);
        ClientUpdate negated = Update([-1, -2, -3, -4], [-1, 1]);

        Assert.Multiple(() =>
        {
            Assert.That(UpdateDefences.Cosine(a, a), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(UpdateDefences.Cosine(a, negated), Is.EqualTo(-1.0).Within(1e-12));
        });
    }
}
