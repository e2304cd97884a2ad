namespace ILrg.Claims;

/// <summary>The wording every claim on a synthetic stand-in or a real-data analogue carries.</summary>
internal static class StandIn
{
    /// <summary>The note of claims the paper measured on real CIFAR-100.</summary>
    public const string Cifar100Note =
        "paper: real CIFAR-100 (not obtainable here); measured on uniform-noise images of the same shape";

    /// <summary>The note of claims the paper measured on real ImageNet.</summary>
    public const string ImageNetNote =
        "paper: real ImageNet (not obtainable here); measured on uniform-noise 3×224×224 images, 1000 classes";
}
