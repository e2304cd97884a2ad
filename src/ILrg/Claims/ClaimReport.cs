using ILrg.Reporting;

namespace ILrg.Claims;

/// <summary>
/// The report of <c>ilrg reproduce</c> and <c>ilrg sweep</c>: the manifest, the plans, every trial's record and, for a
/// whole run, the judged outcomes. A shard's report (manifest.shard set) has records but no outcomes;
/// <see cref="Merge"/> judges the union of every shard's records and gives the report the unsharded run writes.
/// </summary>
/// <param name="Manifest">Provenance (with the shard for a partial report).</param>
/// <param name="Suite">The suite (or sweep) name.</param>
/// <param name="Passed">True when every claim passed; null for a partial report.</param>
/// <param name="Plans">What each claim measures and how it is judged.</param>
/// <param name="Claims">The outcomes; null for a partial report.</param>
/// <param name="Records">Every trial measured, in (claim, run, trial) order.</param>
/// <param name="Interrupted">True when the run was interrupted: the report holds the units finished before that, is
/// not judged, and cannot be merged.</param>
public sealed record ClaimReport(
    RunManifest Manifest, string Suite, bool? Passed, IReadOnlyList<ClaimPlan> Plans,
    IReadOnlyList<ClaimOutcome>? Claims, IReadOnlyList<TrialRecord> Records, bool Interrupted = false)
{
    /// <summary>A whole run's report: the records judged.</summary>
    public static ClaimReport Complete(
        RunManifest manifest, string suite, IReadOnlyList<ClaimPlan> plans, IReadOnlyList<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        IReadOnlyList<ClaimOutcome> outcomes = ClaimRunner.Judge(plans, records);
        return new ClaimReport(manifest, suite, outcomes.All(o => o.Passed), plans, outcomes, records);
    }

    /// <summary>A shard's report: its records, not judged.</summary>
    public static ClaimReport Partial(
        RunManifest manifest, string suite, IReadOnlyList<ClaimPlan> plans, IReadOnlyList<TrialRecord> records) =>
        new(manifest, suite, null, plans, null, records);

    /// <summary>Merges the reports of every shard of one run into the report of the whole run.</summary>
    /// <exception cref="InvalidDataException">The parts are not exactly the shards of one run (see
    /// <see cref="ShardMerge.Manifests"/>), or their plans differ, or a trial is missing or measured twice.</exception>
    public static ClaimReport Merge(IReadOnlyList<(string Path, ClaimReport Part)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        RunManifest manifest = ShardMerge.Manifests([.. parts.Select(p => (p.Path, p.Part.Manifest))]);
        var (firstPath, first) = parts[0];
        string plans = ResultJson.Serialize(first.Plans);
        string? interrupted = parts.FirstOrDefault(p => p.Part.Interrupted).Path;
        if (interrupted is not null)
        {
            throw new InvalidDataException($"{interrupted} is the report of an interrupted run; run its shard again");
        }

        foreach (var (path, part) in parts.Skip(1))
        {
            if (part.Suite != first.Suite || ResultJson.Serialize(part.Plans) != plans)
            {
                throw new InvalidDataException(
                    $"{path} and {firstPath} hold different claims; they are not shards of one run");
            }
        }

        var order = first.Plans.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var records = parts.SelectMany(p => p.Part.Records)
            .OrderBy(r => order.TryGetValue(r.Claim, out int i)
                ? i
                : throw new InvalidDataException($"a shard holds records of claim '{r.Claim}', which no plan names"))
            .ThenBy(r => r.Run).ThenBy(r => r.Trial).ToList();
        return Complete(manifest, first.Suite, first.Plans, records);
    }
}
