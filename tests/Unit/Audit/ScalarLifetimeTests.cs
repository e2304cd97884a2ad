using ILrg.Audit;
using ILrg.Restoration;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Audit;

/// <summary>
/// TorchSharp leaves the Scalars it creates for constants (and for the alpha of add/sub) to the finalizer, which can free
/// one while libtorch still reads it: under garbage-collector load this surfaced as "Unknown scalar type" in a long
/// calibration run. The audit path holds every Scalar in a local; this test runs it against a collector that never
/// rests.
/// </summary>
[NonParallelizable]
public sealed class ScalarLifetimeTests
{
    [Test]
    public void Run_WhileTheCollectorRunsNonStop_GivesTheSameAnswerEveryTime()
    {
        LastLayerObservation o = ObservationBuilder.SharedEmbedding([3, 0, 5, 1, 0, 2], embeddingSize: 8, seed: 5);
        var options = new LabelAuditOptions(Methods: ["ilrg"]);
        string expected = string.Join(",", LabelAudit.Run(o, options).Methods[0].Solution!);
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        })
        { IsBackground = true };
        var failures = new List<string>();

        collector.Start();
        try
        {
            for (int i = 0; i < 1500; i++)
            {
                try
                {
                    string solution = string.Join(",", LabelAudit.Run(o, options).Methods[0].Solution!);
                    if (solution != expected)
                    {
                        failures.Add($"run {i}: solution {solution}");
                    }
                }
                catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException)
                {
                    failures.Add($"run {i}: {e.Message.Split('\n')[0]}");
                }
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.That(failures, Is.Empty);
    }
}
