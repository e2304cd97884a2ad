namespace ILrg.Numerics;

/// <summary>Derives the seed of a <see cref="SeedPurpose"/> (the one place that turns stream names into seeds).</summary>
public static class SeedStreams
{
    /// <summary>The seed of <paramref name="stream"/> for trial <paramref name="trial"/> of a run with base
    /// <paramref name="seed"/>, refined by optional further labels (e.g. a label-error count).</summary>
    public static ulong ForTrial(ulong seed, SeedPurpose stream, int trial, params ReadOnlySpan<ulong> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trial);
        Span<ulong> all = stackalloc ulong[2 + labels.Length];
        all[0] = (ulong)stream;
        all[1] = (ulong)trial;
        labels.CopyTo(all[2..]);
        return DeterministicRandom.Derive(seed, all);
    }

    /// <summary>The seed of a per-run <paramref name="stream"/> (no trial index), e.g. training.</summary>
    public static ulong ForRun(ulong seed, SeedPurpose stream) => DeterministicRandom.Derive(seed, (ulong)stream);

    /// <summary>The base seed of run <paramref name="run"/> of a multi-run claim or sweep point with base <paramref
    /// name="seed"/>: seed + run (wrapping), so run k is <c>ilrg run --seed S+k --model-per run</c>. Each run's streams
    /// are derived from it as for any base seed, so adjacent runs draw independent streams.
    /// </summary>
    public static ulong RunSeed(ulong seed, int run)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        return unchecked(seed + (ulong)run);
    }
}
