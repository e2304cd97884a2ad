using ILrg.Restoration;

namespace ILrg.Interop;

/// <summary>The attacker's observation built from files, with the final layer used and how the gradient was
/// obtained.</summary>
/// <param name="Observation">W, b, g_W, g_b (float64), C, d and N, ready for any restorer.</param>
/// <param name="FinalLayer">The layer used, and why.</param>
/// <param name="Kind">What the update file held.</param>
/// <param name="IsApproximated">True when g_W and g_b are not the client's gradient itself but derived from a FedAvg
/// weight change (an approximation a report must state).</param>
/// <param name="Derivation">A sentence for a report saying how g_W and g_b were obtained.</param>
public sealed record ExternalObservation(
    LastLayerObservation Observation,
    FinalLayer FinalLayer,
    UpdateKind Kind,
    bool IsApproximated,
    string Derivation);
