using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>The total-variation prior of Inverting Gradients.</summary>
public static class TotalVariation
{
    /// <summary>Mean absolute difference between horizontal neighbours plus that between vertical neighbours of a
    /// B×C×H×W tensor.</summary>
    /// <remarks>SPEC.md §8 (TV(x), mean absolute neighbour differences).</remarks>
    /// <exception cref="ArgumentException">Not a 4-D tensor.</exception>
    public static Tensor Of(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"TV needs a B×C×H×W tensor, got shape [{string.Join("×", images.shape)}]");
        }

        using var scope = NewDisposeScope();
        long h = images.shape[2];
        long w = images.shape[3];
        Tensor dx = w > 1
            ? (images[.., .., .., TensorIndex.Slice(0, w - 1)] - images[.., .., .., TensorIndex.Slice(1, w)]).abs().mean()
            : zeros(1, device: images.device).squeeze();
        Tensor dy = h > 1
            ? (images[.., .., TensorIndex.Slice(0, h - 1), ..] - images[.., .., TensorIndex.Slice(1, h), ..]).abs().mean()
            : zeros(1, device: images.device).squeeze();
        return (dx + dy).MoveToOuterDisposeScope();
    }
}
