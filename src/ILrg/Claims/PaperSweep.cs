namespace ILrg.Claims;

/// <summary>
/// A curve of the paper (SPEC.md §9) that <c>ilrg sweep</c> measures point by point with the claims' statistics: each
/// point is a claim of K runs of T trials under the paper's protocol, its iLRG figure judged two-sided against the 95%
/// prediction interval of one run (docs/claims-statistics.md).
/// </summary>
/// <param name="Id">depth or batch.</param>
/// <param name="Title">Human description.</param>
/// <param name="Parameter">What varies (the plot's x label).</param>
/// <param name="Metric">The compared metric (lnAcc of ilrg).</param>
/// <param name="Points">One claim per point, its X the varied value.</param>
public sealed record PaperSweep(
    string Id, string Title, string Parameter, string Metric, IReadOnlyList<PaperClaim> Points)
{
    /// <summary>The sweep names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["depth", "batch"];

    /// <summary>FCN on real MNIST, N=64, n_hidden 0…4 (paper LnAcc 0.328 / 0.598 / 0.768 / 1.000 / 0.996).</summary>
    public static PaperSweep Depth(ClaimSize size, ulong seed = 0) => new(
        "depth", "FCN on MNIST, N=64, by depth", "n_hidden", "lnAcc",
        [.. CurveClaims.Depth(size, seed, CheckSide.TwoSided).Select(OnlyILrg)]);

    /// <summary>FCN-3 on real MNIST, N = 8…128 (paper LnAcc 1.000 / 1.000 / 0.804 / 0.598 / 0.386).</summary>
    public static PaperSweep BatchSize(ClaimSize size, ulong seed = 0) => new(
        "batch", "FCN-3 on MNIST, by batch size", "batch size N", "lnAcc",
        [.. CurveClaims.Batch(size, seed, CheckSide.TwoSided).Select(OnlyILrg)]);

    /// <summary>The sweep named <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static PaperSweep Named(string id, ClaimSize size, ulong seed = 0) => id switch
    {
        "depth" => Depth(size, seed),
        "batch" => BatchSize(size, seed),
        _ => throw new ArgumentException($"unknown sweep '{id}'; known: {string.Join(", ", Names)}", nameof(id)),
    };

    private static PaperClaim OnlyILrg(PaperClaim point) =>
        point with { Checks = [.. point.Checks.Where(c => c.Method == "ilrg")] };
}
