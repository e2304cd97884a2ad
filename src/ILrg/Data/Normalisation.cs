namespace ILrg.Data;

/// <summary>Per-channel mean and standard deviation (SPEC.md §6).</summary>
public sealed record Normalisation(IReadOnlyList<double> Mean, IReadOnlyList<double> Std)
{
    /// <summary>MNIST (and used for Fashion-MNIST as the paper's pipeline would).</summary>
    public static Normalisation Mnist { get; } = new([0.13066373765468597], [0.30810782313346863]);

    /// <summary>CIFAR-100.</summary>
    public static Normalisation Cifar100 { get; } = new(
        [0.5071598291397095, 0.4866936206817627, 0.44120192527770996],
        [0.2673342823982239, 0.2564384639263153, 0.2761504650115967]);

    /// <summary>ImageNet.</summary>
    public static Normalisation ImageNet { get; } = new([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

    /// <summary>Normalises raw [0,1] pixels of one channel-first image in place.</summary>
    public void Apply(Span<float> pixels, ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int plane = shape.Height * shape.Width;
        for (int ch = 0; ch < shape.Channels; ch++)
        {
            int k = Mean.Count == 1 ? 0 : ch;
            float mean = (float)Mean[k];
            float inv = (float)(1.0 / Std[k]);
            Span<float> p = pixels.Slice(ch * plane, plane);
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = (p[i] - mean) * inv;
            }
        }
    }
}
