using ILrg.Data;

namespace ILrg.Claims;

/// <summary>Runs a suite of claims, opening each dataset once.</summary>
public static class ClaimRunner
{
    /// <summary>Runs <paramref name="claims"/> in order and returns their outcomes.</summary>
    /// <param name="claims">The claims.</param>
    /// <param name="open">Opens a dataset (called once per distinct request).</param>
    /// <param name="onClaim">Called before each claim runs.</param>
    /// <param name="onOutcome">Called after each claim with its outcome.</param>
    /// <param name="onStep">Called after each unit of work (a trial or an inversion).</param>
    /// <param name="cancellation">Checked between units of work; the outcomes so far went to <paramref name="onOutcome"/>.</param>
    public static IReadOnlyList<ClaimOutcome> RunAll(
        IEnumerable<IClaim> claims, Func<DatasetRequest, IImageDataset> open, Action<IClaim>? onClaim = null,
        Action<ClaimOutcome>? onOutcome = null, Action? onStep = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(open);
        var datasets = new Dictionary<DatasetRequest, IImageDataset>();
        IImageDataset Open(DatasetRequest r) => datasets.TryGetValue(r, out var d) ? d : datasets[r] = open(r);
        var outcomes = new List<ClaimOutcome>();
        foreach (IClaim claim in claims)
        {
            onClaim?.Invoke(claim);
            cancellation.ThrowIfCancellationRequested();
            ClaimOutcome outcome = claim.Run(Open, onStep, cancellation);
            outcomes.Add(outcome);
            onOutcome?.Invoke(outcome);
        }

        return outcomes;
    }
}
