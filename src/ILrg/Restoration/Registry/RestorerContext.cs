using System.Collections.Immutable;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;

namespace ILrg.Restoration.Registry;

/// <summary>
/// What one trial offers a restorer beyond the observation; a descriptor reads only the parts it declares
/// (<see cref="RestorerInputs"/>).
/// </summary>
/// <param name="Seed">Seed of the trial's method randomness.</param>
/// <param name="Alpha">iLRG's softmax factor α (SPEC.md §2 step 2; 1 in the paper).</param>
/// <param name="Model">The attacked model (the server has it).</param>
/// <param name="InputShape">The model's input shape (for dummy inputs).</param>
/// <param name="Auxiliary">Held-out images of the dataset (not the client's batch).</param>
/// <param name="TrueCounts">The truth, for the oracle only.</param>
/// <param name="Local">The client's local hyper-parameters, for methods that declare them when the threat model grants
/// them (issue 11).</param>
/// <param name="SharedUpdate">The update the client shared (gradient or θ_start − θ_end of every shared parameter; no
/// labels), from which a method can rebuild the client's trained model.</param>
public sealed record RestorerContext(
    ulong Seed,
    double Alpha = 1.0,
    Classifier? Model = null,
    ImageShape? InputShape = null,
    Batch? Auxiliary = null,
    ImmutableArray<int>? TrueCounts = null,
    LocalTraining? Local = null,
    ClientUpdate? SharedUpdate = null)
{
    /// <summary>A context with nothing but a seed and α (observation-only methods).</summary>
    public static RestorerContext ObservationOnly(ulong seed = 0, double alpha = 1.0) => new(seed, alpha);
}
