using ILrg.Data;
using ILrg.Numerics;
using ILrg.Reporting;

namespace ILrg.Claims;

/// <summary>Measures the work units of a list of claims (all, or one shard's) and judges claims from their
/// records.</summary>
public static class ClaimRunner
{
    /// <summary>Measures every unit of <paramref name="claims"/> that <paramref name="shard"/> takes (all without a
    /// shard). Units are numbered across the claims in order (claim, run, trial), so the partition depends only on the
    /// list.
    /// </summary>
    /// <param name="claims">The claims, in suite order.</param>
    /// <param name="context">Data, device, progress.</param>
    /// <param name="shard">The shard, or null for all units.</param>
    /// <param name="onClaim">Called before a claim's first unit with the number of its units this shard runs.</param>
    /// <param name="onClaimDone">Called after a claim's last unit with its records.</param>
    /// <returns>The records, in (claim, run, trial) order.</returns>
    public static IReadOnlyList<TrialRecord> Measure(
        IReadOnlyList<IClaim> claims, ClaimContext context, WorkShard? shard = null,
        Action<IClaim, int>? onClaim = null, Action<IClaim, IReadOnlyList<TrialRecord>>? onClaimDone = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(context);
        CheckDistinct(claims);
        var records = new List<TrialRecord>();
        long first = 0;
        foreach (IClaim claim in claims)
        {
            long start = first;
            int[] units = [.. Enumerable.Range(0, claim.Plan.Units).Where(u => shard?.Takes(start + u) ?? true)];
            first += claim.Plan.Units;
            if (units.Length == 0)
            {
                continue;
            }

            onClaim?.Invoke(claim, units.Length);
            var own = new List<TrialRecord>();
            foreach (int u in units)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                IReadOnlyList<TrialRecord> measured = claim.Measure(u, context);
                own.AddRange(measured);
                context.Recorded(measured);
            }

            records.AddRange(own);
            onClaimDone?.Invoke(claim, own);
        }

        return records;
    }

    /// <summary>Measures the units of <paramref name="claims"/> that <paramref name="shard"/> takes and returns the
    /// report: judged for a whole run, partial (records only, manifest.shard set) for a shard.
    /// </summary>
    /// <param name="tool">The verb, e.g. "ilrg reproduce".</param>
    /// <param name="suite">The suite or sweep name.</param>
    /// <param name="seed">The base seed.</param>
    /// <param name="configuration">The verb's configuration (shards of one run must have equal configurations).</param>
    /// <param name="claims">The claims, in order.</param>
    /// <param name="context">Data, device, progress.</param>
    /// <param name="shard">The shard, or null.</param>
    /// <param name="onClaim">Called before a claim's first unit.</param>
    /// <param name="onClaimDone">Called after a claim's last unit.</param>
    public static ClaimReport Report(
        string tool, string suite, ulong seed, object configuration, IReadOnlyList<IClaim> claims, ClaimContext context,
        WorkShard? shard = null, Action<IClaim, int>? onClaim = null,
        Action<IClaim, IReadOnlyList<TrialRecord>>? onClaimDone = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(context);
        var started = DateTimeOffset.UtcNow;
        IReadOnlyList<TrialRecord> records = Measure(claims, context, shard, onClaim, onClaimDone);
        var manifest = RunManifest.Create(tool, seed, configuration, context.Opened, started, shard: shard);
        ClaimPlan[] plans = [.. claims.Select(c => c.Plan)];
        return shard is null
            ? ClaimReport.Complete(manifest, suite, plans, records)
            : ClaimReport.Partial(manifest, suite, plans, records);
    }

    /// <summary>The report of an interrupted run: the records of the units finished so far, not judged.</summary>
    /// <param name="tool">The verb, e.g. "ilrg reproduce".</param>
    /// <param name="suite">The suite or sweep name.</param>
    /// <param name="seed">The base seed.</param>
    /// <param name="configuration">The verb's configuration.</param>
    /// <param name="claims">The claims, in order.</param>
    /// <param name="context">The context the units ran in (for the datasets it opened).</param>
    /// <param name="started">When the run started.</param>
    /// <param name="records">The records of the finished units.</param>
    /// <param name="shard">The shard, or null.</param>
    public static ClaimReport Interrupted(
        string tool, string suite, ulong seed, object configuration, IReadOnlyList<IClaim> claims, ClaimContext context,
        DateTimeOffset started, IReadOnlyList<TrialRecord> records, WorkShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(context);
        var manifest = RunManifest.Create(tool, seed, configuration, context.Opened, started, shard: shard);
        return ClaimReport.Partial(manifest, suite, [.. claims.Select(c => c.Plan)], records) with { Interrupted = true };
    }

    /// <summary>The number of units <paramref name="shard"/> takes of <paramref name="claims"/>.</summary>
    public static long UnitsOf(IReadOnlyList<IClaim> claims, WorkShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        long total = claims.Sum(c => (long)c.Plan.Units);
        return shard is null ? total : (total / shard.Count) + (total % shard.Count >= shard.Index ? 1 : 0);
    }

    /// <summary>Judges every plan from the records.</summary>
    public static IReadOnlyList<ClaimOutcome> Judge(IReadOnlyList<ClaimPlan> plans, IReadOnlyList<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(records);
        var unknown = records.Select(r => r.Claim).Distinct().Except(plans.Select(p => p.Id)).FirstOrDefault();
        if (unknown is not null)
        {
            throw new InvalidDataException($"records of claim '{unknown}', which no plan names");
        }

        return [.. plans.Select(p => ClaimJudge.Judge(p, records))];
    }

    /// <summary>Measures and judges one claim on its own (all units).</summary>
    public static ClaimOutcome Run(IClaim claim, Func<DatasetRequest, IImageDataset> open, Action? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var records = Measure([claim], new ClaimContext(open, onStep: onStep));
        return ClaimJudge.Judge(claim.Plan, records);
    }

    private static void CheckDistinct(IReadOnlyList<IClaim> claims)
    {
        string? twice = claims.GroupBy(c => c.Plan.Id).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw new ArgumentException($"claim '{twice}' appears twice in the list");
        }
    }
}
