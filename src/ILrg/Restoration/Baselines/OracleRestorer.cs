using System.Collections.Immutable;
using System.Globalization;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// UPPER BOUND, not an attack: returns the true counts it was given at construction (one instance per trial). It never
/// reads labels from the observation, which has none; it only checks that the truth fits the observation.
/// </summary>
public sealed class OracleRestorer : ILabelRestorer
{
    private readonly ImmutableArray<int> _truth;

    /// <summary>Creates the oracle for one trial.</summary>
    /// <exception cref="ArgumentException">A negative count or an empty batch.</exception>
    public OracleRestorer(IReadOnlyList<int> trueCounts)
    {
        ArgumentNullException.ThrowIfNull(trueCounts);
        if (trueCounts.Count == 0 || trueCounts.Any(v => v < 0) || trueCounts.Sum() < 1)
        {
            throw new ArgumentException(
                $"true counts must be non-negative with a positive sum, got [{string.Join(", ", trueCounts)}]",
                nameof(trueCounts));
        }

        _truth = [.. trueCounts];
    }

    /// <inheritdoc />
    public string Name => "oracle";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.Classes != _truth.Length || observation.BatchSize != _truth.Sum())
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the oracle's truth has {_truth.Length} classes summing to {_truth.Sum()}, but the observation has " +
                $"C={observation.Classes}, N={observation.BatchSize}"));
        }

        return new LabelRestoration(Name, _truth, _truth, null, IsInstanceWise: true);
    }
}
