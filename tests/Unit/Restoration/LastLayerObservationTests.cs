using ILrg.Numerics;
using ILrg.Restoration;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Restoration;

public sealed class LastLayerObservationTests
{
    private static LastLayerObservation Make(double[]? gw = null, double[]? gb = null, int n = 4, int c = 2,
        int d = 3) =>
        new(new double[c * d], new double[c], gw ?? new double[c * d], gb ?? new double[c], c, d, n);

    [Test]
    public void Constructor_NaNInWeightGradient_ThrowsNamingTheEntry()
    {
        double[] gw = new double[6];
        gw[4] = double.NaN;

        Assert.That(() => Make(gw: gw),
            Throws.TypeOf<NonFiniteInputException>().With.Message.Contains("g_W").And.Message.Contains("index 4"));
    }

    [Test]
    public void Constructor_InfinityInBiasGradient_Throws()
    {
        Assert.That(() => Make(gb: [0, double.PositiveInfinity]), Throws.TypeOf<NonFiniteInputException>());
    }

    [Test]
    public void Constructor_BatchSizeBelowOne_Throws()
    {
        Assert.That(() => Make(n: 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("batchSize"));
    }

    [Test]
    public void Constructor_MismatchedWeightGradientShape_ThrowsWithShapes()
    {
        Assert.That(() => Make(gw: new double[5]),
            Throws.ArgumentException.With.Message.Contains("g_W has 5 entries").And.Message.Contains("C=2, d=3"));
    }

    [Test]
    public void Constructor_CopiesInputs_SoLaterChangesDoNotLeakIn()
    {
        double[] gb = [0.5, -0.5];
        var obs = Make(gb: gb);
        gb[0] = 99;

        Assert.That(obs.BiasGradient[0], Is.EqualTo(0.5));
    }

    [Test]
    public void WeightGradientRowSums_SumsEachRow()
    {
        var obs = Make(gw: [1, 2, 3, -1, -1, 0.5]);

        Assert.That(obs.WeightGradientRowSums(), Is.EqualTo(new[] { 6.0, -1.5 }));
    }
}
