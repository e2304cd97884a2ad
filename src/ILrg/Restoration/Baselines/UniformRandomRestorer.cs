using System.Collections.Immutable;
using ILrg.Numerics;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// LOWER BOUND, not an attack: ignores the gradients and draws N labels uniformly at random over the C classes from its
/// seed. Instance-wise; the counts sum to N.
/// </summary>
public sealed class UniformRandomRestorer : ILabelRestorer
{
    private readonly ulong _seed;

    /// <summary>Creates the guess with a seed (the same seed gives the same guess for the same C and N).</summary>
    public UniformRandomRestorer(ulong seed) => _seed = seed;

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var rng = new DeterministicRandom(_seed);
        var counts = new int[observation.Classes];
        for (int i = 0; i < observation.BatchSize; i++)
        {
            counts[rng.NextInt(observation.Classes)]++;
        }

        ImmutableArray<int> result = [.. counts];
        return new LabelRestoration(Name, result, result, null, IsInstanceWise: true);
    }
}
