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
/// Judged like every claim (docs/claims-statistics.md): K runs of T trials under the paper's protocol, the paper's
/// figure against the 95% prediction interval of one run's mean. That a defence really changes the update is the
/// business of the unit tests (tests/Unit/Federated/DefenceTests).
/// </remarks>
public static class DefenceClaims
{
    /// <summary>The two rows, each with K runs of T trials (default: 3 × 20, the <c>defences</c> suite).</summary>
    /// <param name="seed">The base seed.</param>
    /// <param name="size">K and T.</param>
    public static IReadOnlyList<DefenceRowClaim> Rows(ulong seed = 0, ClaimSize? size = null)
    {
        ClaimSize s = size ?? new ClaimSize(3, 20);
        return
        [
            new DefenceRowClaim(
                "resnet18-cifar100shaped-n24-dp",
                "ResNet-18, CIFAR-100-shaped stand-in, N=24, Gaussian noise on the update: iLRG LeAcc", "full",
                Experiment(s.Trials, seed), s.Runs, DefenceKind.Noise, [(1e-4, 1.000), (1e-3, 1.000), (1e-2, 0.980)],
                TrialSeconds, StandIn.Cifar100Note),
            new DefenceRowClaim(
                "resnet18-cifar100shaped-n24-sparse",
                "ResNet-18, CIFAR-100-shaped stand-in, N=24, sparsified update: iLRG LeAcc", "full",
                Experiment(s.Trials, seed), s.Runs, DefenceKind.Sparsify, [(10, 0.990), (40, 0.986), (80, 0.960)],
                TrialSeconds, StandIn.Cifar100Note),
        ];
    }

    /// <summary>Seconds of one ResNet-18 N=24 trial with three restorations (2 quiet cores).</summary>
    private const double TrialSeconds = 0.8;

    private static ExperimentSpec Experiment(int trials, ulong seed) => new(
        new DatasetRequest("synthetic", Classes: 100, Shape: new ImageShape(3, 32, 32)), new ModelSpec("resnet18"), 24,
        trials, seed);
}
