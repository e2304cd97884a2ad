using ILrg.Data;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>The valid pixel box in normalised space: raw pixels in [0,1] map to [−mean/std, (1−mean)/std].</summary>
internal sealed class PixelBox : IDisposable
{
    public PixelBox(Normalisation normalisation, int channels, Device? device = null)
    {
        Device where = device ?? CPU;
        double[] mean = Enumerable.Range(0, channels).Select(c => normalisation.Mean[normalisation.Mean.Count == 1 ? 0 : c]).ToArray();
        double[] std = Enumerable.Range(0, channels).Select(c => normalisation.Std[normalisation.Std.Count == 1 ? 0 : c]).ToArray();
        Mean = ComputeDevice.MoveTo(tensor(mean.Select(v => (float)v).ToArray(), [1, channels, 1, 1]), where);
        Std = ComputeDevice.MoveTo(tensor(std.Select(v => (float)v).ToArray(), [1, channels, 1, 1]), where);
        Low = ComputeDevice.MoveTo(
            tensor(mean.Select((m, i) => (float)(-m / std[i])).ToArray(), [1, channels, 1, 1]), where);
        High = ComputeDevice.MoveTo(
            tensor(mean.Select((m, i) => (float)((1 - m) / std[i])).ToArray(), [1, channels, 1, 1]), where);
    }

    public Tensor Mean { get; }

    public Tensor Std { get; }

    public Tensor Low { get; }

    public Tensor High { get; }

    /// <summary>Clamps <paramref name="x"/> into the box in place (no autograd record).</summary>
    public void Clamp(Tensor x)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        x.copy_(maximum(minimum(x, High), Low));
    }

    /// <summary>Raw [0,1] pixels of normalised images, image after image.</summary>
    public float[] ToRaw(Tensor x)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor raw = (x.detach() * Std + Mean).clamp(0, 1).cpu().contiguous();
        return raw.data<float>().ToArray();
    }

    public void Dispose()
    {
        Mean.Dispose();
        Std.Dispose();
        Low.Dispose();
        High.Dispose();
    }
}
