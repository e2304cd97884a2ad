namespace ILrg.Claims;

/// <summary>The named suites of claims that <c>ilrg reproduce --suite</c> and the reproduction tests run. Every row of
/// SPEC.md §9 is a claim tagged with the smallest suite that holds it (its <see cref="ClaimPlan.Suite"/>): quick (CI,
/// minutes on a CPU), full (the paper's T = 50 with more runs; hours on a CPU, sharded) and accelerator (days on a
/// CPU).
/// </summary>
public static class ClaimSuites
{
    /// <summary>The suite names, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["quick", "full", "accelerator", "all", "main", "large-batch", "inversion", "defences", "beyond"];

    /// <summary>What each suite holds, for help texts.</summary>
    public const string Description =
        "quick (the default, CI: every cheap row of SPEC §9 with few runs), full (every CPU row at the paper's 50 " +
        "trials with more runs, trained models and the inversion gain: hours, shard it), accelerator (ResNets at " +
        "224×224 and large N, 3-channel inversion: for GPUs), all (full and accelerator), main (= quick), " +
        "large-batch (the quick large-batch rows), inversion (the MNIST PSNR gain, one run), defences (the paper's " +
        "dp and sparse rows on ResNet-18, 3 runs of 20 trials: minutes), beyond (iLRG+'s targets beyond the paper " +
        "and the paper's iLRG claims re-run with iLRG+, issue 12: minutes)";

    /// <summary>The claims of suite <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown suite.</exception>
    public static IReadOnlyList<IClaim> Named(string name, ulong seed = 0) => name?.ToLowerInvariant() switch
    {
        "quick" or "main" => Quick(seed),
        "full" => Full(seed),
        "accelerator" => Accelerator(seed),
        "all" => [.. Full(seed), .. Accelerator(seed)],
        "large-batch" => [.. LargeBatchClaims.Quick(seed)],
        "inversion" => [InversionClaims.Mnist(seed)],
        "defences" => [.. DefenceClaims.Rows(seed)],
        "beyond" => BeyondPaperClaims.All(seed),
        _ => throw new ArgumentException($"unknown suite '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>The claims whose id contains one of the comma-separated <paramref name="words"/> (all when
    /// none).</summary>
    /// <exception cref="ArgumentException">No claim matches.</exception>
    public static IReadOnlyList<IClaim> Only(IReadOnlyList<IClaim> claims, string? words, string suite = "custom")
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (string.IsNullOrWhiteSpace(words))
        {
            return claims;
        }

        string[] parts = words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var kept = claims
            .Where(c => parts.Any(w => c.Plan.Id.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        return kept.Count > 0
            ? kept
            : throw new ArgumentException($"--only '{words}' matches no claim of suite {suite} (see --list)");
    }

    /// <summary>The CI suite (<c>ilrg reproduce</c>): the N=24 rows, the FCN curves and the large-batch rows, with few
    /// runs and trials (wider intervals; docs/claims-statistics.md).</summary>
    public static IReadOnlyList<IClaim> Quick(ulong seed = 0) =>
        [.. PaperClaims.Quick(seed), .. CurveClaims.All(seed: seed), .. LargeBatchClaims.Quick(seed)];

    /// <summary>The former name of <see cref="Quick"/>.</summary>
    public static IReadOnlyList<IClaim> Main(ulong seed = 0) => Quick(seed);

    /// <summary>Every row a CPU can run: the quick rows at K=10 × T=50, VGG-16 at 224×224, VGG-11…19 at N=1024, the
    /// trained models and the MNIST inversion gain (3 runs).</summary>
    public static IReadOnlyList<IClaim> Full(ulong seed = 0) =>
    [
        .. PaperClaims.Full(seed), .. CurveClaims.All(ClaimSize.Full, seed), .. LargeBatchClaims.Full(seed),
        .. TrainedClaims.Full(seed), InversionClaims.Mnist(seed, runs: 3), .. DefenceClaims.Rows(seed, ClaimSize.Full),
    ];

    /// <summary>The rows that need an accelerator: ResNet-50 at N=24…4096 and ResNet-18…152 at N=2048 on 224×224
    /// images, and the 3-channel inversion at 24000 iterations.</summary>
    public static IReadOnlyList<IClaim> Accelerator(ulong seed = 0) =>
        [.. PaperClaims.Accelerator(seed), .. LargeBatchClaims.Accelerator(seed), InversionClaims.Cifar3Channel(seed)];
}
