using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>
/// The paper's defence rows (SPEC.md §9): iLRG LeAcc on ResNet-18, CIFAR-100, N=24 under dp noise σ 1e−4 / 1e−3 /
/// 1e−2 (paper 1.000 / 1.000 / 0.980) and sparsification 10 / 40 / 80 % (paper 0.990 / 0.986 / 0.960), on the
/// CIFAR-100-shaped synthetic stand-in. The suite <c>defences</c> holds them, not the main job: 2 × 50 ResNet-18
/// updates cost about a minute on 2 quiet cores (measured: 399 s on the shared, heavily loaded machine).
/// </summary>
/// <remarks>
/// Gates follow SPEC.md §10 (gates from the spread between runs, not a binomial over T·C decisions) and the existing
/// claims' convention: a paper figure of 1.000 is gated at ≥ 0.99, as iLRG's own N=24 claims; a figure below 1 at two
/// points under it, rounded down to the hundredth (0.990 → 0.97, 0.986 → 0.96, 0.980 → 0.96, 0.960 → 0.94), the margin
/// the large-batch claims use (0.960 → 0.93, 0.851 → 0.83) and well inside the 0.88–1.00 spread of LnAcc between the
/// reference's own runs (SPEC.md §10). The gates are lower bounds, like every claim; that a defence really changes the
/// update is the business of the unit tests (tests/Unit/Federated/DefenceTests).
/// </remarks>
public static class DefenceClaims
{
    /// <summary>The two rows, <paramref name="trials"/> trials each.</summary>
    public static IReadOnlyList<DefenceRowClaim> Rows(ulong seed = 0, int trials = 50) =>
    [
        new DefenceRowClaim(
            "resnet18-cifar100shaped-n24-dp",
                "ResNet-18, CIFAR-100-shaped stand-in, N=24, Gaussian noise on the update",
            Experiment(trials, seed), DefenceKind.Noise,
            [(1e-4, new ClaimCheck("leAcc", 1.000, 0.99)), (1e-3, new ClaimCheck("leAcc", 1.000, 0.99)),
                (1e-2, new ClaimCheck("leAcc", 0.980, 0.96))],
            StandIn.Cifar100Note),
        new DefenceRowClaim(
            "resnet18-cifar100shaped-n24-sparse", "ResNet-18, CIFAR-100-shaped stand-in, N=24, sparsified update",
            Experiment(trials, seed), DefenceKind.Sparsify,
            [(10, new ClaimCheck("leAcc", 0.990, 0.97)), (40, new ClaimCheck("leAcc", 0.986, 0.96)),
                (80, new ClaimCheck("leAcc", 0.960, 0.94))],
            StandIn.Cifar100Note),
    ];

    private static ExperimentSpec Experiment(int trials, ulong seed) => new(
        new DatasetRequest("synthetic", Classes: 100, Shape: new ImageShape(3, 32, 32)), new ModelSpec("resnet18"), 24,
        trials, seed);
}
