namespace ILrg.Claims;

/// <summary>The named suites of claims that <c>ilrg reproduce --suite</c> and the reproduction tests run.</summary>
public static class ClaimSuites
{
    /// <summary>The suite names, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["main", "quick", "baselines", "large-batch", "inversion",
        "full", "defences"];

    /// <summary>What each suite holds, for help texts.</summary>
    public const string Description =
        "main (the default, ~1 min: iLRG's N=24 claims, the baselines, the quick large-batch claims), quick (iLRG's N=24 " +
        "claims), baselines, large-batch, inversion (the IG PSNR gain, minutes), full (everything, the large-batch " +
        "claims at 50 trials), defences (the paper's dp and sparse rows on ResNet-18, ~1-2 min)";

    /// <summary>The claims of suite <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown suite.</exception>
    public static IReadOnlyList<IClaim> Named(string name, ulong seed = 0) => name?.ToLowerInvariant() switch
    {
        "main" => Main(seed),
        "quick" => [.. PaperClaims.Quick(seed)],
        "baselines" => [.. BaselineClaims.Quick(seed)],
        "large-batch" => [.. LargeBatchClaims.Quick(seed)],
        "inversion" => [InversionClaims.Mnist(seed)],
        "defences" => [.. DefenceClaims.Rows(seed)],
        "full" => [.. PaperClaims.Quick(seed), .. BaselineClaims.Quick(seed), .. LargeBatchClaims.Full(seed),
            InversionClaims.Mnist(seed), .. DefenceClaims.Rows(seed)],
        _ => throw new ArgumentException($"unknown suite '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>The main job (<c>ilrg reproduce</c>): iLRG's N=24 claims, the baselines and the quick large-batch claims.</summary>
    public static IReadOnlyList<IClaim> Main(ulong seed = 0) =>
        [.. PaperClaims.Quick(seed), .. BaselineClaims.Quick(seed), .. LargeBatchClaims.Quick(seed)];
}
