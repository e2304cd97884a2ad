using System.Text.Json;
using ILrg.Data;
using ILrg.Trials;
using ILrg.Claims;
using ILrg.Reporting;
using ILrg.Restoration.Registry;
using ILrg.Models;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Trials;

public sealed class ExperimentRunnerTests
{
    private static readonly SyntheticDataset Data = SyntheticDataset.Cifar100Shaped(3);

    private static ExperimentSpec Spec(int n = 8, int trials = 2, ulong seed = 5) => new(
        new DatasetRequest("synthetic"), new ModelSpec("lenet5"), n, trials, seed);

    [Test]
    public void Run_SameSeed_SameCountsEveryTime()
    {
        var a = ExperimentRunner.Run(Spec(), Data);
        var b = ExperimentRunner.Run(Spec(), Data);

        Assert.That(a.Trials.Select(t => t.RestoredCounts.ToArray()),
            Is.EqualTo(b.Trials.Select(t => t.RestoredCounts.ToArray())));
    }

    [Test]
    public void Run_OtherSeed_OtherBatches()
    {
        var a = ExperimentRunner.Run(Spec(seed: 1), Data);
        var b = ExperimentRunner.Run(Spec(seed: 2), Data);

        Assert.That(a.Trials[0].TrueCounts, Is.Not.EqualTo(b.Trials[0].TrueCounts));
    }

    [Test]
    public void Run_ReportsProgressOncePerTrial()
    {
        var seen = new List<int>();

        ExperimentRunner.Run(Spec(trials: 3), Data, t => seen.Add(t.Index));

        Assert.That(seen, Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void Run_TrialLeavesNoLiveNativeTensors()
    {
        ExperimentRunner.Run(Spec(trials: 1), Data); // warm-up: one-time allocations of the runtime

        long leaked = NativeLeakCheck.LiveTensorsLeftBy(() => ExperimentRunner.Run(Spec(trials: 2), Data));

        Assert.That(leaked, Is.EqualTo(0));
    }

    [Test]
    public void Run_BatchLargerThanDataset_Throws()
    {
        var small = new SyntheticDataset("s", new ImageShape(3, 32, 32), 100, 20, 1, Normalisation.Cifar100);

        Assert.That(() => ExperimentRunner.Run(Spec(n: 21), small),
            Throws.ArgumentException.With.Message.Contains("batch size 21 exceeds the 20"));
    }

    [Test]
    public void Run_ZeroTrials_Throws()
    {
        Assert.That(() => ExperimentRunner.Run(Spec(trials: 0), Data), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Run_UnknownMethod_Throws()
    {
        Assert.That(() => ExperimentRunner.Run(Spec() with { Method = "magic" }, Data),
            Throws.ArgumentException.With.Message.Contains("unknown method 'magic'"));
    }

    [Test]
    public void ResultJson_HasTheContractFields()
    {
        var result = ExperimentRunner.Run(Spec(), Data);

        using JsonDocument doc = JsonDocument.Parse(ResultJson.Serialize(result));
        JsonElement root = doc.RootElement;

        Assert.Multiple(() =>
        {
            foreach (string field in new[] { "leAcc", "lnAcc", "iRec", "exactBatchRate", "countMae" })
            {
                Assert.That(root.GetProperty("summary").TryGetProperty(field, out _), Is.True, field);
            }

            JsonElement trial = root.GetProperty("trials")[0];
            Assert.That(trial.GetProperty("trueCounts").GetArrayLength(), Is.EqualTo(100));
            Assert.That(trial.GetProperty("restoredCounts").GetArrayLength(), Is.EqualTo(100));
            Assert.That(root.GetProperty("manifest").GetProperty("seed").GetUInt64(), Is.EqualTo(5UL));
            Assert.That(root.GetProperty("manifest").GetProperty("datasets")[0].GetProperty("synthetic").GetBoolean(),
                Is.True);
            Assert.That(root.GetProperty("manifest").GetProperty("gitCommit").GetString(), Is.Not.Empty);
        });
    }
}

public sealed class NativeLeakCheckTests
{
    [Test]
    public void LiveTensorsLeftBy_UndisposedTensor_CountsIt()
    {
        TorchSharp.torch.Tensor? kept = null;

        long leaked = NativeLeakCheck.LiveTensorsLeftBy(() => kept = TorchSharp.torch.zeros(3));

        Assert.That(leaked, Is.EqualTo(1), "the leak check must be able to fail");
        kept!.Dispose();
    }
}
