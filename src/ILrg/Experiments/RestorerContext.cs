using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Models;

namespace ILrg.Experiments;

/// <summary>
/// The per-trial inputs a restorer may declare (<see cref="RestorerInputs"/>) and receive through its constructor.
/// </summary>
/// <param name="Seed">Seed of the trial's method randomness.</param>
/// <param name="Model">The attacked model (the server has it).</param>
/// <param name="InputShape">The model's input shape (for dummy inputs).</param>
/// <param name="Auxiliary">Held-out images of the dataset (not the client's batch).</param>
/// <param name="TrueCounts">The truth, for the oracle only.</param>
public sealed record RestorerContext(
    ulong Seed,
    Classifier? Model = null,
    ImageShape? InputShape = null,
    Batch? Auxiliary = null,
    ImmutableArray<int>? TrueCounts = null)
{
    /// <summary>A context with nothing but a seed (observation-only methods).</summary>
    public static RestorerContext ObservationOnly(ulong seed = 0) => new(seed);
}
