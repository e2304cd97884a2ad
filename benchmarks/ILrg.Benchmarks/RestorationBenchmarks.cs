using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ILrg.Restoration;

namespace ILrg.Benchmarks;

/// <summary>
/// The restoration step alone (ê, P, the (C+1)×C pinv solve, post-processing) at the paper's shapes:
/// MNIST/FCN (C=10, d=300), CIFAR-100/LeNet-5 (C=100, d=84), ImageNet/ResNet-50 (C=1000, d=2048).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class RestorationBenchmarks
{
    private LastLayerObservation _observation = null!;
    private readonly ILrgRestorer _restorer = new();

    /// <summary>(C, d) pairs.</summary>
    [Params("10x300", "100x84", "1000x2048")]
    public string Shape { get; set; } = "10x300";

    /// <summary>Builds one observation of a batch of 64 with random embeddings.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split('x');
        int c = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int d = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _observation = SyntheticObservation.Random(c, d, batchSize: 64, seed: 1);
    }

    /// <summary>One full iLRG restoration.</summary>
    [Benchmark]
    public LabelRestoration Restore() => _restorer.Restore(_observation);
}

/// <summary>
/// Runs in this process: the generated out-of-process project would bypass the build whose TorchSharp fix-up makes the
/// native library load on Debian 12.
/// </summary>
public sealed class InProcessConfig : ManualConfig
{
    /// <summary>Few iterations: one C=1000 restoration takes about a second.</summary>
    public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7));
}
