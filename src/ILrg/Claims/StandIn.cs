namespace ILrg.Claims;

/// <summary>The wording every claim on a synthetic stand-in carries.</summary>
internal static class StandIn
{
    /// <summary>The note of claims the paper measured on real CIFAR-100.</summary>
    public const string Cifar100Note =
        "paper: real CIFAR-100 (not obtainable here); measured on uniform-noise images of the same shape";
}
