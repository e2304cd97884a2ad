using ILrg.Data;
using ILrg.Models;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>iLRG's own N=24 claims of SPEC.md §9 (the suites are in <see cref="ClaimSuites"/>).</summary>
public static class PaperClaims
{
    /// <summary>iLRG's N=24 claims (FCN-3 on real MNIST; LeNet-5 ReLU and SiLU on the CIFAR-100-shaped stand-in).</summary>
    public static IReadOnlyList<PaperClaim> Quick(ulong seed = 0) =>
    [
        new PaperClaim(
            "fcn3-mnist-n24",
            "FCN-3, real MNIST, N=24, untrained: iLRG restores counts",
            new ExperimentSpec(new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), 24, 50, seed),
            [new ClaimCheck("leAcc", 1.000, 0.99), new ClaimCheck("lnAcc", 0.994, 0.96)]),
        LeNetSynthetic("lenet5-relu-cifar100shaped-n24", Activation.Relu, seed),
        LeNetSynthetic("lenet5-silu-cifar100shaped-n24", Activation.Silu, seed),
    ];

    private static PaperClaim LeNetSynthetic(string id, Activation activation, ulong seed) => new(
        id,
        $"LeNet-5 {activation}, CIFAR-100-shaped synthetic stand-in, N=24, untrained",
        new ExperimentSpec(
            new DatasetRequest("synthetic", Classes: 100, Shape: new ImageShape(3, 32, 32)),
            new ModelSpec("lenet5", Activation: activation), 24, 50, seed),
        [new ClaimCheck("leAcc", 1.000, 0.99), new ClaimCheck("lnAcc", 1.000, 0.99)],
        StandIn.Cifar100Note);
}
