using ILrg.Data;
using ILrg.Models;
using ILrg.Training;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>
/// iLRG+'s claims beyond the paper (issue 12, docs/beyond-the-paper.md): targets where the paper is weak, and the
/// paper's own iLRG claims re-run with iLRG+ under their own gates.
/// </summary>
/// <remarks>
/// A target is a claim of K = 2 runs (seeds S and S+1, i.e. 0 and 1 by default) of T = 50 trials under the paper's
/// protocol (one model per run), with a fixed gate from issue 12 on iLRG+'s mean over the runs
/// (docs/claims-statistics.md, "Fixed gates"); the prediction interval of one run is reported beside it. The issue's
/// stricter reading (the 95% lower bound of every seed's 50-trial mean clears the gate) is what the measured table in
/// docs/beyond-the-paper.md checks, and only targets that met it on both seeds are claims here.
/// </remarks>
public static class BeyondPaperClaims
{
    /// <summary>The method the claims are about.</summary>
    public const string Method = "ilrg+";

    /// <summary>Marks every claim of the suite.</summary>
    public const string Mark = "beyond the paper";

    /// <summary>The suite that holds the claims.</summary>
    public const string Suite = "beyond";

    /// <summary>Runs per target: seeds S and S+1.</summary>
    public const int Runs = 2;

    /// <summary>Trials per run (the paper's 50).</summary>
    public const int Trials = 50;

    /// <summary>The untrained FCN-3 targets of issue 12 that were reached on both seeds: (N, the gate on
    /// LnAcc).</summary>
    public static IReadOnlyList<(int N, double Threshold)> Fcn3Targets { get; } = [(24, 0.99), (64, 0.95), (128, 0.80)];

    /// <summary>The whole suite: the targets reached, then the paper's quick iLRG claims re-run with iLRG+.</summary>
    public static IReadOnlyList<IClaim> All(ulong seed = 0) =>
    [
        .. Fcn3Targets.Select(t => Fcn3(t.N, t.Threshold, seed)),
        TrainedFcn3(seed),
        .. PaperClaims.Quick(seed).Concat(CurveClaims.Batch(new ClaimSize(5, 20), seed))
            .Concat(LargeBatchClaims.Quick(seed)).Select(WithIlrgPlus).OfType<IClaim>(),
    ];

    /// <summary>iLRG+ on untrained FCN-3, real MNIST, batch size <paramref name="n"/>: K=2 × T=50, gated at
    /// <paramref name="threshold"/> on the LnAcc mean over the runs.</summary>
    public static PaperClaim Fcn3(int n, double threshold, ulong seed = 0) => new(
        $"ilrg+-fcn3-mnist-n{n}",
        $"iLRG+ ({Mark}), FCN-3, real MNIST, N={n}, untrained, no auxiliary data: LnAcc ≥ {threshold:0.00}",
        Suite,
        new ExperimentSpec(new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), n, Trials, seed),
        Runs, [ClaimCheck.Fixed("lnAcc", threshold) with { Method = Method }],
        TrialSeconds: 0.05 + (0.002 * n),
        "issue 12 target; observation only (W, b, g_W, g_b, N); seeds S and S+1, gate on the mean of the two runs");

    /// <summary>iLRG+ on FCN-3 trained 1000 iterations (SPEC §9's SGD recipe, as <see cref="TrainedClaims"/>), N=8:
    /// K=2 runs (training seeds S and S+1) × T=50, gated at LnAcc ≥ 0.80 with no auxiliary data (issue
    /// 12).</summary>
    public static TrainedClaim TrainedFcn3(ulong seed = 0) => TrainedClaims.Fcn3Mnist(Runs, Trials, seed) with
    {
        Id = "ilrg+-fcn3-mnist-trained-it1000-n8",
        Title = $"iLRG+ ({Mark}), FCN-3 trained 1000 iterations on real MNIST, N=8, no auxiliary data: LnAcc ≥ 0.80",
        Suite = Suite,
        Method = Method,
        Checks = [ClaimCheck.Fixed("lnAcc", 0.80) with { Method = Method + "@it1000" }],
        RunSeconds = 40,
    };

    /// <summary>A paper claim of iLRG re-run with iLRG+: iLRG's checks, now of iLRG+, under the same gates (the
    /// other methods' checks and iLRG's recorded discrepancies dropped: they are not iLRG+'s).</summary>
    public static PaperClaim? WithIlrgPlus(PaperClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var checks = claim.Checks.Where(c => c.Method == "ilrg")
            .Select(c => c with { Method = Method, Known = null }).ToList();
        return checks.Count == 0
            ? null
            : claim with
            {
                Id = $"{Method}:{claim.Id}",
                Title = $"{claim.Title} — re-run with iLRG+ ({Mark})",
                Suite = Suite,
                Checks = checks,
            };
    }
}
