namespace ILrg.Claims;

/// <summary>The named suites of claims that <c>ilrg reproduce --suite</c> and the reproduction tests run.</summary>
public static class ClaimSuites
{
    /// <summary>The suite names, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["main", "quick", "baselines", "large-batch", "inversion", "full", "beyond"];

    /// <summary>What each suite holds, for help texts.</summary>
    public const string Description =
        "main (the default, ~1 min: iLRG's N=24 claims, the baselines, the quick large-batch claims), quick (iLRG's N=24 " +
        "claims), baselines, large-batch, inversion (the IG PSNR gain, minutes), full (everything, the large-batch " +
        "claims at 50 trials), beyond (iLRG+'s claims beyond the paper, issue 12: minutes, trains a model)";

    /// <summary>The claims of suite <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown suite.</exception>
    public static IReadOnlyList<IClaim> Named(string name, ulong seed = 0) => name?.ToLowerInvariant() switch
    {
        "main" => Main(seed),
        "quick" => [.. PaperClaims.Quick(seed)],
        "baselines" => [.. BaselineClaims.Quick(seed)],
        "large-batch" => [.. LargeBatchClaims.Quick(seed)],
        "inversion" => [InversionClaims.Mnist(seed)],
        "full" => [.. PaperClaims.Quick(seed), .. BaselineClaims.Quick(seed), .. LargeBatchClaims.Full(seed),
            InversionClaims.Mnist(seed)],
        "beyond" => BeyondPaperClaims.All(),
        _ => throw new ArgumentException($"unknown suite '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>The main job (<c>ilrg reproduce</c>): iLRG's N=24 claims, the baselines, the quick large-batch claims and
    /// iLRG+'s N=128 claim beyond the paper (one seed).</summary>
    public static IReadOnlyList<IClaim> Main(ulong seed = 0) =>
        [.. PaperClaims.Quick(seed), .. BaselineClaims.Quick(seed), .. LargeBatchClaims.Quick(seed),
            BeyondPaperClaims.Quick(seed)];
}
