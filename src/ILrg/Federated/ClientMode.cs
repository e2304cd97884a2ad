namespace ILrg.Federated;

/// <summary>Whether the client computes its gradient in eval mode (the reference) or train mode (a real
/// client).</summary>
public enum ClientMode
{
    /// <summary>BatchNorm uses running statistics, Dropout off (the reference, SPEC.md §5).</summary>
    Eval,

    /// <summary>BatchNorm uses batch statistics, Dropout active.</summary>
    Train,
}
