namespace ILrg.Claims;

/// <summary>What one trial of one run of a claim measured: every figure by key ("method:metric", or a claim's own
/// metric) and, for label claims, the true and restored counts (sparse "class:count" lists). Shards write these; the
/// judge reads them.
/// </summary>
/// <param name="Claim">The claim's id.</param>
/// <param name="Run">Run index k.</param>
/// <param name="Trial">Trial index t within the run.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Values">The figures of this trial.</param>
/// <param name="Counts">"truth" and each method's restored counts, or null.</param>
/// <param name="Seconds">Wall time of the trial (a whole-run unit puts its time on trial 0).</param>
public sealed record TrialRecord(
    string Claim, int Run, int Trial, ulong Seed, IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, string>? Counts = null, double Seconds = 0);
