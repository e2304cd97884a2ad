using ILrg.Data;
using ILrg.Inversion;
using ILrg.Models;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>The paper's image-reconstruction claims (SPEC.md §8–9) in the configurations this machine can run.</summary>
public static class InversionClaims
{
    /// <summary>The gain the issue gates on MNIST (the paper reports +6 to +7 dB with 8000 iterations × 3 restarts).</summary>
    public const double MnistGainDb = 5.0;

    /// <summary>The lower end of the paper's CIFAR-100 gain (+5.8 to +7.5 dB, SPEC.md §9), the 3-channel
    /// gate.</summary>
    public const double CifarGainDb = 5.8;

    /// <summary>MNIST, untrained FCN-3, N=50: PSNR with iLRG's labels minus PSNR with one shared joint soft label ≥ 5
    /// dB, as the mean over <paramref name="runs"/> runs. Reduced to 2000 iterations × 1 restart (the step schedule
    /// scales with the iteration count); the threshold is not loosened for it.
    /// </summary>
    public static InversionClaim Mnist(ulong seed = 0, int runs = 1) => new(
        "ig-mnist-fcn3-n50-gain",
        "Inverting Gradients, real MNIST, FCN-3, N=50: iLRG labels beat one shared joint label (paper +6 to +7 dB)",
        "full",
        new InversionSpec(
            new ExperimentSpec(new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), 50, 1, seed),
            "ig", new InversionSettings(Iterations: 2000, Restarts: 1, TotalVariation: 1e-4)),
        runs,
        ClaimCheck.Fixed(InversionClaim.GainMetric, MnistGainDb),
        RunSeconds: 90,
        "paper: +6 to +7 dB with 8000 iterations × 3 restarts; measured with 2000 × 1 (minutes, not hours, on a CPU)");

    /// <summary>
    /// The paper's 3-channel setting (CIFAR-100, ResNet-18 untrained, N=16 over 10 classes, 1 restart, tv 8e-3, 24000
    /// iterations) on real 3×32×32 images: Fashion-MNIST upscaled and replicated, the labelled real-data analogue of
    /// CIFAR-100 (which cannot be fetched here). Gate: the paper's lower end, +5.8 dB. Accelerator suite.
    /// </summary>
    public static InversionClaim Cifar3Channel(ulong seed = 0, int runs = 3) => new(
        "ig-rgb32-resnet18-n16-gain",
        "Inverting Gradients, 3×32×32 real images (Fashion-MNIST as CIFAR-100 analogue), ResNet-18, N=16 over 10 " +
        "classes, 24000 iterations: iLRG labels beat one shared joint label (paper +5.8 to +7.5 dB)",
        "accelerator",
        new InversionSpec(
            new ExperimentSpec(
                new DatasetRequest("fashion-mnist", Rgb32: true), new ModelSpec("resnet18"), 16, 1, seed,
                BatchDistribution.Balanced, ClassesInBatch: 10),
            "ig", new InversionSettings(Iterations: 24000, Restarts: 1, TotalVariation: 8e-3)),
        runs,
        ClaimCheck.Fixed(InversionClaim.GainMetric, CifarGainDb),
        RunSeconds: 2 * 24000 * 0.6,
        "paper: real CIFAR-100 (not obtainable here); analogue: real Fashion-MNIST images upscaled to 3×32×32");
}
