using ILrg.Data;
using ILrg.Performance;
using ILrg.Trials;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Performance;

public sealed class BenchRowsTests
{
    [Test]
    public void Names_AreTheStableNamesOfIssue13()
    {
        // Baselines match rows by name: renaming a row silently drops it from every comparison.
        Assert.That(BenchRows.Names, Is.EqualTo(new[]
        {
            "fcn-mnist-24", "lenet5-c100-24", "lenet5-c100-1024", "vgg16-c100-64", "resnet18-c100-24",
            "restore-c1000-d2048", "ig-resnet18-16", "ig-fcn-50", "resnet50-224-256", "resnet50-224-4096",
        }));
    }

    [Test]
    public void Select_NoNames_EveryRowWithItsOwnCount()
    {
        IReadOnlyList<BenchRow> rows = BenchRows.Select(null);

        Assert.That(rows, Is.EqualTo(BenchRows.All));
    }

    [Test]
    public void Select_Quick_TheQuickRowsWithTheirQuickCounts()
    {
        IReadOnlyList<BenchRow> rows = BenchRows.Select(null, quick: true);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Name), Is.EqualTo(new[]
                { "fcn-mnist-24", "lenet5-c100-24", "resnet18-c100-24", "restore-c1000-d2048", "ig-fcn-50" }));
            Assert.That(rows.Select(r => r.Count), Is.EqualTo(rows.Select(r => BenchRows.Find(r.Name).QuickCount)));
        });
    }

    [Test]
    public void Select_NamesWithOverrides_GivenOrderTrialsForTrialRowsRepeatsForTheRest()
    {
        IReadOnlyList<BenchRow> rows = BenchRows.Select(
            ["restore-c1000-d2048", "FCN-MNIST-24", "ig-fcn-50", "fcn-mnist-24"], trials: 3, repeats: 2);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Name), Is.EqualTo(new[] { "restore-c1000-d2048", "fcn-mnist-24",
                "ig-fcn-50" }));
            Assert.That(rows.Select(r => r.Count), Is.EqualTo(new[] { 2, 3, 2 }));
            Assert.That(rows[1].TrialSpec().Trials, Is.EqualTo(3));
            Assert.That(rows[2].InversionSettings().Iterations, Is.EqualTo(3), "K timed + 1 warm-up");
        });
    }

    [Test]
    public void Find_UnknownName_MessageNamesEveryKnownRow()
    {
        var e = Assert.Throws<ArgumentException>(() => BenchRows.Find("resnet9"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("resnet9"));
            foreach (string name in BenchRows.Names)
            {
                Assert.That(e.Message, Does.Contain(name));
            }
        });
    }

    [TestCase(1, 0)]
    [TestCase(2, 1)]
    [TestCase(8, 1)]
    public void WarmUp_TrialRow_FirstOfTwoOrMoreTrials(int trials, int warmUp)
    {
        BenchRow row = BenchRows.Select(["fcn-mnist-24"], trials: trials)[0];

        Assert.That((row.WarmUp, row.TotalUnits), Is.EqualTo((warmUp, trials)));
    }

    [Test]
    public void Rows_WithReference_AreTheIssuesFiguresWithTheirTargets()
    {
        var references = BenchRows.All.Where(r => r.ReferenceMs is not null)
            .ToDictionary(r => r.Name, r => (r.ReferenceMs, r.Target.ToString()));

        Assert.That(references, Is.EqualTo(new Dictionary<string, (double?, string)>
        {
            ["fcn-mnist-24"] = (17, "≥ 5× reference"),
            ["lenet5-c100-24"] = (53, "≥ 5× reference"),
            ["lenet5-c100-1024"] = (232, "≥ 5× reference"),
            ["vgg16-c100-64"] = (2450, "≥ 5× reference"),
            ["resnet18-c100-24"] = (242, "≥ 5× reference"),
            ["restore-c1000-d2048"] = (11_200, "≤ 100 ms, max/median ≤ 1.5"),
        }));
    }

    [Test]
    public void Row_ResNet50At4096_PassesTheRunsOwnMemoryCheck()
    {
        // The check every verb makes before allocating: with the default chunk of 256 this row is estimated at 27 GB
        // and refused; its own chunk keeps it bounded whatever N.
        BenchRow row = BenchRows.Find("resnet50-224-4096");
        ExperimentSpec spec = row.TrialSpec();

        Assert.DoesNotThrow(() => TrialPipeline.Validate(spec, DatasetCatalog.Open(spec.Dataset)));
    }
}
