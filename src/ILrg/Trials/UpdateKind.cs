namespace ILrg.Trials;

/// <summary>What the simulated client computes in a trial.</summary>
public enum UpdateKind
{
    /// <summary>The final layer's gradient in closed form (forward passes only, chunked): all label restoration
    /// needs.</summary>
    LastLayer,

    /// <summary>Every parameter's gradient by autograd: what gradient inversion matches.</summary>
    WholeModel,
}
