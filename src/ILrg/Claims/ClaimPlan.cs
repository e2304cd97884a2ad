namespace ILrg.Claims;

/// <summary>
/// What a claim measures and how it is judged, as data: K runs of T trials, the unit of work, the checks, the suite it
/// belongs to and its estimated cost. Reports carry the plans, so merging shards needs no code but the judge.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Human description.</param>
/// <param name="Suite">The smallest suite that holds the claim: quick, full or accelerator.</param>
/// <param name="Dataset">The data, described ("mnist", "synthetic 3x32x32, 100 classes", …).</param>
/// <param name="Synthetic">True when the data is a synthetic stand-in for the paper's.</param>
/// <param name="Classes">C of the data (the decisions behind LeAcc and LnAcc).</param>
/// <param name="BatchSize">N (the instances behind IRec).</param>
/// <param name="Seed">The base seed (run k has seed base + k, SeedStreams.RunSeed).</param>
/// <param name="Runs">K independent runs.</param>
/// <param name="TrialsPerRun">T trials per run.</param>
/// <param name="WholeRuns">True when a work unit is a whole run (training, inversion); else one trial of a run.</param>
/// <param name="Checks">The judged figures.</param>
/// <param name="EstimatedCpuSeconds">Estimated single-machine cost (2 cores, quiet, CPU build).</param>
/// <param name="Note">How the setting differs from the paper's, if it does.</param>
/// <param name="X">The varied value when the claim is a point of a curve (sweeps).</param>
public sealed record ClaimPlan(
    string Id, string Title, string Suite, string Dataset, bool Synthetic, int Classes, int BatchSize, ulong Seed,
    int Runs, int TrialsPerRun, bool WholeRuns,
    IReadOnlyList<ClaimCheck> Checks, double EstimatedCpuSeconds, string? Note = null, double? X = null)
{
    /// <summary>The number of work units: K (whole runs) or K·T.</summary>
    public int Units => WholeRuns ? Runs : checked(Runs * TrialsPerRun);

    /// <summary>The decisions a rate <paramref name="metric"/> averages per trial (0 when it is no such
    /// rate).</summary>
    public int DecisionsPerTrial(string metric) => metric switch
    {
        "leAcc" or "lnAcc" => Classes,
        "iRec" => BatchSize,
        "exactBatchRate" => 1,
        _ => 0,
    };

    /// <summary>The (run, trial) pairs of unit <paramref name="unit"/>.</summary>
    public IEnumerable<(int Run, int Trial)> TrialsOf(int unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, Units);
        return WholeRuns
            ? Enumerable.Range(0, TrialsPerRun).Select(t => (unit, t))
            : [(unit / TrialsPerRun, unit % TrialsPerRun)];
    }
}
