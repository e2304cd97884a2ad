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
}
