using ILrg.Numerics;
using ILrg.Reporting;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Numerics;

[NonParallelizable]
public sealed class TorchThreadsTests
{
    [Test]
    public void Configure_WithoutOmpNumThreads_UsesTheProcessorsThisProcessMayRunOn()
    {
        string? saved = Environment.GetEnvironmentVariable(TorchThreads.Variable);
        int threads = get_num_threads();
        try
        {
            Environment.SetEnvironmentVariable(TorchThreads.Variable, null);
            set_num_threads(Environment.ProcessorCount + 1); // anything but the default

            int chosen = TorchThreads.Configure();

            Assert.Multiple(() =>
            {
                Assert.That(chosen, Is.EqualTo(Environment.ProcessorCount));
                Assert.That(get_num_threads(), Is.EqualTo(Environment.ProcessorCount));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable(TorchThreads.Variable, saved);
            set_num_threads(threads);
        }
    }

    [Test]
    public void Configure_WithOmpNumThreads_LeavesTheCountAlone()
    {
        string? saved = Environment.GetEnvironmentVariable(TorchThreads.Variable);
        int threads = get_num_threads();
        try
        {
            Environment.SetEnvironmentVariable(TorchThreads.Variable, "1");
            set_num_threads(1);

            Assert.That(TorchThreads.Configure(), Is.EqualTo(1));
        }
        finally
        {
            Environment.SetEnvironmentVariable(TorchThreads.Variable, saved);
            set_num_threads(threads);
        }
    }

    [Test]
    public void Manifest_RecordsTheThreadCountInForce()
    {
        RunManifest manifest = RunManifest.Create("ilrg test", 0, new { }, [], DateTimeOffset.UtcNow);

        Assert.That(manifest.TorchThreads, Is.EqualTo(get_num_threads()));
    }
}
