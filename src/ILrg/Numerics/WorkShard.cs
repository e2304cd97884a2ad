using System.Globalization;

namespace ILrg.Numerics;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (<c>--shard i/n</c>, 1-based): of a run's work units, numbered
/// 0, 1, … in a fixed order, it takes those whose number u satisfies u mod n = i − 1. The partition depends only on the
/// unit numbers, and a unit's seeds only on its own indices, so every shard of every n computes the same units the same
/// way; merging the shards gives the unsharded result.
/// </summary>
/// <param name="Index">i, from 1 to n.</param>
/// <param name="Count">n ≥ 1.</param>
public sealed record WorkShard(int Index, int Count)
{
    /// <summary>Parses "i/n".</summary>
    /// <exception cref="ArgumentException">Not two whole numbers i/n with 1 ≤ i ≤ n; the message says what is
    /// valid.</exception>
    public static WorkShard Parse(string text)
    {
        string[] parts = (text ?? string.Empty).Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && i >= 1 && i <= n)
        {
            return new WorkShard(i, n);
        }

        throw new ArgumentException($"a shard is i/n with whole numbers 1 ≤ i ≤ n (e.g. 2/8), got '{text}'");
    }

    /// <summary>True when unit number <paramref name="unit"/> belongs to this shard.</summary>
    public bool Takes(long unit) => unit % Count == Index - 1;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
