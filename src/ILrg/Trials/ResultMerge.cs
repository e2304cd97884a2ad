using ILrg.Metrics;
using ILrg.Numerics;
using ILrg.Reporting;
using ILrg.Restoration.Registry;

namespace ILrg.Trials;

/// <summary>
/// Sharded <c>run</c> and <c>compare</c>: which trials a shard runs, and the merge of every shard's partial result into
/// the result of the whole run (trials in index order, summaries recomputed from them).
/// </summary>
public static class ResultMerge
{
    /// <summary>The trial indices of <paramref name="trials"/> that <paramref name="shard"/> takes (all without
    /// one).</summary>
    /// <exception cref="ArgumentException">The shard takes no trial.</exception>
    public static IReadOnlyList<int> TrialsOf(int trials, WorkShard? shard)
    {
        int[] own = [.. Enumerable.Range(0, Math.Max(trials, 0)).Where(t => shard?.Takes(t) ?? true)];
        return own.Length > 0 || trials < 1
            ? own
            : throw new ArgumentException(
                $"--shard {shard}: takes no trial of T = {trials}; use at most {trials} shards");
    }

    /// <summary>Merges the shards of one <c>ilrg run</c>.</summary>
    /// <exception cref="InvalidDataException">Not exactly the shards of one run, or a trial missing or
    /// twice.</exception>
    public static ExperimentResult Experiment(IReadOnlyList<(string Path, ExperimentResult Part)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        RunManifest manifest = ShardMerge.Manifests([.. parts.Select(p => (p.Path, p.Part.Manifest))]);
        ExperimentSpec spec = parts[0].Part.Config;
        var trials = Complete(spec.Trials, parts.SelectMany(p => p.Part.Trials), t => t.Index);
        StageTimings totals = StageTimings.Sum(trials.Select(r => r.Timings));
        return new ExperimentResult(
            manifest with { StageTotalsMs = totals.ByStage() }, spec,
            LabelSummary.Of([.. trials.Select(r => r.Scores)]), trials);
    }

    /// <summary>Merges the shards of one <c>ilrg compare</c>.</summary>
    /// <exception cref="InvalidDataException">Not exactly the shards of one run, or a trial missing or
    /// twice.</exception>
    public static ComparisonResult Comparison(IReadOnlyList<(string Path, ComparisonResult Part)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        RunManifest manifest = ShardMerge.Manifests([.. parts.Select(p => (p.Path, p.Part.Manifest))]);
        ComparisonSpec spec = parts[0].Part.Config;
        var trials = Complete(spec.Experiment.Trials, parts.SelectMany(p => p.Part.Trials), t => t.Index);
        IReadOnlyList<RestorerDescriptor> methods = RestorerRegistry.Select(spec.Methods);
        return new ComparisonResult(manifest, spec, ComparisonRunner.Summarise(methods, trials), trials);
    }

    private static List<T> Complete<T>(int count, IEnumerable<T> trials, Func<T, int> index)
    {
        var byIndex = new SortedDictionary<int, T>();
        foreach (T t in trials)
        {
            int i = index(t);
            if (i < 0 || i >= count)
            {
                throw new InvalidDataException($"trial {i} lies outside the run's {count} trials");
            }

            if (!byIndex.TryAdd(i, t))
            {
                throw new InvalidDataException($"trial {i} appears in more than one shard (overlapping shards)");
            }
        }

        int? missing = Enumerable.Range(0, count).Cast<int?>().FirstOrDefault(i => !byIndex.ContainsKey(i!.Value));
        return missing is { } m
            ? throw new InvalidDataException(
                $"{count - byIndex.Count} of {count} trials are missing (first: trial {m})")
            : [.. byIndex.Values];
    }
}
