using ILrg.Data;
using ILrg.Models;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>The large-batch rows of SPEC.md §9: LeNet-5 at N = 64…1024 (iLRG LnAcc, SVD LeAcc) and VGG-11/13/16/19 at
/// N=1024 on the CIFAR-100-shaped stand-in; ResNet-50 at N = 128 and 4096 and ResNet-18/34/101/152 at N=2048 on the
/// ImageNet-shaped stand-in (accelerator suite). Real CIFAR-100 and ImageNet cannot be fetched here, so every figure is
/// measured on uniform-noise images of the right shape and is labelled synthetic.
/// </summary>
public static class LargeBatchClaims
{
    /// <summary>LeNet-5 batch sizes with the paper's iLRG LnAcc and SVD LeAcc.</summary>
    public static IReadOnlyList<(int N, double ILrgLnAcc, double SvdLeAcc)> LeNetPoints { get; } =
        [(64, 1.000, 1.000), (128, 1.000, 0.980), (256, 0.997, 0.156), (512, 0.960, 0.036), (1024, 0.851, 0.017)];

    /// <summary>The CI version: LeNet-5 at K=4 × T=5 per N with iLRG only (SVD at C=100 costs 0.3–0.6 s a trial),
    /// VGG-16 at K=3 × T=1.</summary>
    public static IReadOnlyList<PaperClaim> Quick(ulong seed = 0) =>
        [.. LeNet(new ClaimSize(4, 5), seed, withSvd: false), Vgg("vgg16", 1.000, new ClaimSize(3, 1), "quick", seed)];

    /// <summary>The full version: LeNet-5 at K=10 × T=50, VGG-11/13/16/19 at K=3 × T=50.</summary>
    public static IReadOnlyList<PaperClaim> Full(ulong seed = 0) =>
    [
        .. LeNet(ClaimSize.Full, seed, withSvd: true),
        .. new[] { ("vgg11", 0.993), ("vgg13", 0.995), ("vgg16", 1.000), ("vgg19", 1.000) }
            .Select(v => Vgg(v.Item1, v.Item2, new ClaimSize(3, 50), v.Item1 == "vgg16" ? "quick" : "full", seed)),
    ];

    /// <summary>ResNets on the ImageNet-shaped stand-in at the paper's batch sizes (K=3 × T=50; hours on a GPU, days on
    /// a CPU).</summary>
    public static IReadOnlyList<PaperClaim> Accelerator(ulong seed = 0) =>
    [
        ResNet("resnet50", 128, [ClaimCheck.Figure("ilrg", "lnAcc", 1.000)], seed),
        ResNet(
            "resnet50", 4096, [ClaimCheck.Figure("ilrg", "lnAcc", 0.982), ClaimCheck.Figure("ilrg", "leAcc", 0.992)],
            seed),
        .. new[] { ("resnet18", 0.978), ("resnet34", 0.998), ("resnet101", 1.000), ("resnet152", 1.000) }
            .Select(r => ResNet(r.Item1, 2048, [ClaimCheck.Figure("ilrg", "lnAcc", r.Item2)], seed)),
    ];

    private static DatasetRequest Cifar100Shaped() => new("synthetic", Classes: 100, Shape: new ImageShape(3, 32, 32));

    private static IEnumerable<PaperClaim> LeNet(ClaimSize size, ulong seed, bool withSvd) => LeNetPoints.Select(
        p => new PaperClaim(
            $"lenet5-cifar100shaped-n{p.N}",
            $"LeNet-5, CIFAR-100-shaped synthetic stand-in, N={p.N}, untrained: iLRG LnAcc" +
            (withSvd ? ", SVD LeAcc" : ""),
            "quick", new ExperimentSpec(Cifar100Shaped(), new ModelSpec("lenet5"), p.N, size.Trials, seed), size.Runs,
            [
                ClaimCheck.Figure("ilrg", "lnAcc", p.ILrgLnAcc),
                .. withSvd
                    ? [ClaimCheck.Figure("svd", "leAcc", p.SvdLeAcc, CheckSide.TwoSided)]
                    : Array.Empty<ClaimCheck>(),
            ],
            TrialSeconds: (withSvd ? 0.25 : 0.02) + (0.0001 * p.N), StandIn.Cifar100Note, X: p.N));

    private static PaperClaim Vgg(string model, double lnAcc, ClaimSize size, string suite, ulong seed) => new(
        $"{model}-cifar100shaped-n1024", $"{model}, CIFAR-100-shaped synthetic stand-in, N=1024, untrained: iLRG LnAcc",
        suite, new ExperimentSpec(Cifar100Shaped(), new ModelSpec(model), 1024, size.Trials, seed), size.Runs,
        [ClaimCheck.Figure("ilrg", "lnAcc", lnAcc)], TrialSeconds: 6, StandIn.Cifar100Note);

    private static PaperClaim ResNet(string model, int n, IReadOnlyList<ClaimCheck> checks, ulong seed) => new(
        $"{model}-imagenetshaped-n{n}",
        $"{model}, ImageNet-shaped synthetic stand-in (3×224×224, 1000 classes), N={n}, untrained: iLRG", "accelerator",
        new ExperimentSpec(
            new DatasetRequest("synthetic", Classes: 1000, Shape: new ImageShape(3, 224, 224)), new ModelSpec(model), n,
            50, seed, ChunkSize: 8),
        3, checks, TrialSeconds: n * SecondsPerImage(model), StandIn.ImageNetNote, X: n);

    /// <summary>CPU seconds per 224×224 image (ResNet-50 measured: 1.3–1.65 s, docs/scale; the others scaled by their
    /// FLOPs relative to ResNet-50).</summary>
    private static double SecondsPerImage(string model) => model switch
    {
        "resnet18" => 0.65,
        "resnet34" => 1.3,
        "resnet101" => 2.9,
        "resnet152" => 4.2,
        _ => 1.5,
    };
}
