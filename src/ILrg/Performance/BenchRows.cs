using ILrg.Data;
using ILrg.Inversion;
using ILrg.Models;
using ILrg.Trials;

namespace ILrg.Performance;

/// <summary>
/// The standard rows of <c>ilrg bench</c> (issue 13), each a small declarative definition, and the selection of rows
/// and counts from the command line. Every row runs seed 0, eval mode and a fresh model per trial, so two runs of the
/// same code do the same work.
/// </summary>
public static class BenchRows
{
    /// <summary>The base seed of every row.</summary>
    public const ulong Seed = 0;

    private static readonly DatasetRequest Mnist = new("mnist");
    private static readonly DatasetRequest Cifar100Shaped = new("synthetic", Classes: 100, Shape: new(3, 32, 32));
    private static readonly DatasetRequest ImageNetShaped = new("synthetic", Classes: 1000, Shape: new(3, 224, 224));
    private static readonly BenchTarget FiveTimesReference = new(MinSpeedup: 5);

    /// <summary>
    /// The client's chunk for ResNet-50 at 224×224. The paper's CIFAR-style ResNet keeps its first stage at full
    /// resolution (about 50 MB per image for one layer output), so the default chunk of 256 is estimated at 27 GB and
    /// refused on a 24 GB machine; 16 (the README's advice for ResNet at 224×224) keeps the row near 2 GB whatever N.
    /// </summary>
    public const int ResNet224ChunkSize = 16;

    /// <summary>Every row, in the order they run.</summary>
    public static IReadOnlyList<BenchRow> All { get; } =
    [
        Trial("fcn-mnist-24", "trials of FCN-3 on MNIST, N=24", Mnist, "fcn", 24, 8, 4,
            ReferenceTimings.FcnMnist24Ms),
        Trial("lenet5-c100-24", "trials of LeNet-5 on CIFAR-100-shaped synthetic data, N=24", Cifar100Shaped,
            "lenet5", 24, 8, 4, ReferenceTimings.LeNet5Cifar100N24Ms),
        Trial("lenet5-c100-1024", "trials of LeNet-5 on CIFAR-100-shaped synthetic data, N=1024", Cifar100Shaped,
            "lenet5", 1024, 8, null, ReferenceTimings.LeNet5Cifar100N1024Ms),
        Trial("vgg16-c100-64", "trials of VGG-16 on CIFAR-100-shaped synthetic data, N=64", Cifar100Shaped,
            "vgg16", 64, 4, null, ReferenceTimings.Vgg16Cifar100N64Ms),
        Trial("resnet18-c100-24", "trials of ResNet-18 on CIFAR-100-shaped synthetic data, N=24", Cifar100Shaped,
            "resnet18", 24, 4, 3, ReferenceTimings.ResNet18Cifar100N24Ms),
        new BenchRow("restore-c1000-d2048",
            "the iLRG restoration alone on a synthetic observation, C=1000, d=2048, N=64", BenchKind.Restoration, 10,
            3, new BenchTarget(MaxMedianMs: 100, MaxSpread: 1.5))
        {
            Observation = new RestorationShape(1000, 2048, 64, Seed),
            ReferenceMs = ReferenceTimings.RestoreC1000D2048Ms,
        },
        Inverting("ig-resnet18-16", "Inverting Gradients iterations, ResNet-18, CIFAR-100-shaped synthetic data, N=16",
            Cifar100Shaped, "resnet18", 16, 5, null, totalVariation: 8e-3),
        Inverting("ig-fcn-50", "Inverting Gradients iterations, FCN-3, MNIST, N=50", Mnist, "fcn", 50, 20, 10,
            totalVariation: 1e-4),
        Trial("resnet50-224-256", "a trial of ResNet-50 on ImageNet-shaped synthetic data, N=256, client in chunks " +
            "of 16 (peak RSS must not grow with N; slow: about 2 s per image on 2 cores)", ImageNetShaped, "resnet50",
            256, 1, null, null, ResNet224ChunkSize),
        Trial("resnet50-224-4096", "a trial of ResNet-50 on ImageNet-shaped synthetic data, N=4096, client in " +
            "chunks of 16 (peak RSS must not grow with N; slow: hours on 2 cores)", ImageNetShaped, "resnet50", 4096,
            1, null, null, ResNet224ChunkSize),
    ];

    /// <summary>The row names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.Name)];

    /// <summary>The row named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such row; the message names the known rows.</exception>
    public static BenchRow Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown bench row '{name}'; known rows: {string.Join(", ", Names)}");

    /// <summary>
    /// The rows to run, with their counts: the named rows in the order given (null: every row, or the quick set with
    /// <paramref name="quick"/>); under <paramref name="quick"/> a row's quick count where it has one;
    /// <paramref name="trials"/> replaces T of trial rows, <paramref name="repeats"/> K of the other rows.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name, or a count below 1.</exception>
    public static IReadOnlyList<BenchRow> Select(
        IReadOnlyList<string>? names, bool quick = false, int? trials = null, int? repeats = null)
    {
        if (trials is < 1 || repeats is < 1)
        {
            throw new ArgumentException($"--trials and --repeats must be at least 1, got {trials} and {repeats}");
        }

        IEnumerable<BenchRow> rows = names is null
            ? All.Where(r => !quick || r.QuickCount is not null)
            : names.Select(Find).DistinctBy(r => r.Name);
        return [.. rows.Select(r => r with
        {
            Count = (r.Kind == BenchKind.Trials ? trials : repeats) ?? (quick ? r.QuickCount : null) ?? r.Count,
        })];
    }

    private static BenchRow Trial(
        string name, string description, DatasetRequest data, string model, int n, int trials, int? quick,
        double? referenceMs, int chunkSize = Federated.Client.DefaultChunkSize) =>
        new(name, description, BenchKind.Trials, trials, quick,
            referenceMs is null ? BenchTarget.None : FiveTimesReference)
        {
            Experiment = new ExperimentSpec(data, new ModelSpec(model), n, trials, Seed, ChunkSize: chunkSize),
            ReferenceMs = referenceMs,
        };

    private static BenchRow Inverting(
        string name, string description, DatasetRequest data, string model, int n, int iterations, int? quick,
        double totalVariation) =>
        new(name, description, BenchKind.Inversion, iterations, quick, BenchTarget.None)
        {
            Experiment = new ExperimentSpec(data, new ModelSpec(model), n, 1, Seed),
            Inversion = new InversionSettings(TotalVariation: totalVariation),
        };
}
