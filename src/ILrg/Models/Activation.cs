namespace ILrg.Models;

/// <summary>Hidden-layer non-linearity (SPEC.md §5).</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>x·sigmoid(x) (Swish).</summary>
    Silu,

    /// <summary>LeakyReLU with slope 0.01.</summary>
    LeakyRelu,
}
