namespace ILrg.Claims;

/// <summary>Judges a claim from the records of all its trials: run means per check, then each check's
/// verdict.</summary>
public static class ClaimJudge
{
    /// <summary>The outcome of <paramref name="plan"/> from <paramref name="records"/> (records of other claims are
    /// ignored).</summary>
    /// <exception cref="InvalidDataException">A trial is missing, measured twice or outside the plan, or lacks a
    /// checked figure; the message names the claim, run and trial.</exception>
    public static ClaimOutcome Judge(ClaimPlan plan, IEnumerable<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        var own = records.Where(r => r.Claim == plan.Id).ToList();
        var seen = new HashSet<(int Run, int Trial)>();
        foreach (TrialRecord r in own)
        {
            if (r.Run < 0 || r.Run >= plan.Runs || r.Trial < 0 || r.Trial >= plan.TrialsPerRun)
            {
                throw new InvalidDataException(
                    $"claim {plan.Id}: run {r.Run} trial {r.Trial} lies outside its " +
                    $"{plan.Runs}×{plan.TrialsPerRun} plan");
            }

            if (!seen.Add((r.Run, r.Trial)))
            {
                throw new InvalidDataException(
                    $"claim {plan.Id}: run {r.Run} trial {r.Trial} was measured twice (overlapping shards?)");
            }
        }

        int expected = plan.Runs * plan.TrialsPerRun;
        if (seen.Count != expected)
        {
            var (run, trial) = Enumerable.Range(0, plan.Runs)
                .SelectMany(k => Enumerable.Range(0, plan.TrialsPerRun).Select(t => (k, t)))
                .First(p => !seen.Contains(p));
            throw new InvalidDataException(
                $"claim {plan.Id}: {expected - seen.Count} of {expected} trials are missing (first: run {run} trial " +
                $"{trial}); merge every shard");
        }

        var checks = plan.Checks
            .Select(c => c.Judge(RunMeans(plan, own, c.Key), plan.TrialsPerRun, plan.DecisionsPerTrial(c.Metric)))
            .ToList();
        return new ClaimOutcome(
            plan.Id, plan.Title, plan.Suite, plan.Dataset, plan.Synthetic, checks, own.Sum(r => r.Seconds), plan.Note);
    }

    private static double[] RunMeans(ClaimPlan plan, List<TrialRecord> own, string key) =>
        Enumerable.Range(0, plan.Runs).Select(k => own.Where(r => r.Run == k).OrderBy(r => r.Trial)
            .Select(r => r.Values.TryGetValue(key, out double v)
                ? v
                : throw new InvalidDataException($"claim {plan.Id}: run {k} trial {r.Trial} has no figure '{key}'"))
            .Average()).ToArray();
}
