using System.Collections.Immutable;
using System.Globalization;
using ILrg.Data;
using ILrg.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Restoration.Baselines;

/// <summary>
/// Computes a <see cref="LastLayerCalibration"/> from forward passes of the attacked model on calibration inputs. The
/// closed-form last-layer gradient (SPEC.md §1) shows these forward statistics are exactly what a backward pass on the
/// inputs would contribute to the row sums, so no backward pass is needed.
/// </summary>
public static class LastLayerCalibrator
{
    /// <summary>Number of noise inputs among the dummy inputs.</summary>
    public const int DummyNoiseInputs = 32;

    /// <summary>Statistics of <paramref name="model"/> (eval mode) on <paramref name="images"/>
    /// (count×C×H×W).</summary>
    public static LastLayerCalibration FromImages(Classifier model, Tensor images, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() < 2 || images.shape[0] < 1)
        {
            throw new ArgumentException("calibration needs at least one input, got shape " +
                                        $"[{string.Join("×", images.shape)}]");
        }

        using var scope = NewDisposeScope();
        model.eval();
        using (no_grad())
        {
            var (logits, embedding) = model.ForwardWithEmbedding(images);
            Tensor p = nn.functional.softmax(logits.to_type(ScalarType.Float64), 1);
            Tensor s = embedding.to_type(ScalarType.Float64).sum(dim: 1);
            double[] meanP = p.mean(dimensions: [0L]).data<double>().ToArray();
            double meanS = s.mean().item<double>();
            double[] offsets = (p * s.unsqueeze(1)).mean(dimensions: [0L]).data<double>().ToArray();
            return new LastLayerCalibration(
                [.. meanP], meanS, [.. offsets], (int)images.shape[0], source);
        }
    }

    /// <summary>Auxiliary calibration on images of a held-out sample of the dataset.</summary>
    public static LastLayerCalibration FromAuxiliary(Classifier model, Batch auxiliary)
    {
        ArgumentNullException.ThrowIfNull(auxiliary);
        using Tensor images = auxiliary.Images();
        return FromImages(model, images, string.Create(CultureInfo.InvariantCulture,
            $"auxiliary ({auxiliary.Size} held-out images of {auxiliary.Dataset.Name})"));
    }

    /// <summary>
    /// Dummy calibration: one all-zeros input, one all-ones input and <see cref="DummyNoiseInputs"/> standard-normal
    /// inputs (in the model's normalised input space), the noise from <paramref name="seed"/>.
    /// </summary>
    public static LastLayerCalibration FromDummy(Classifier model, ImageShape shape, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        using var scope = NewDisposeScope();
        using var generator = new Generator(seed);
        long[] one = [1, shape.Channels, shape.Height, shape.Width];
        long[] many = [DummyNoiseInputs, shape.Channels, shape.Height, shape.Width];
        Tensor images = cat([zeros(one), ones(one), randn(many, generator: generator)], 0);
        return FromImages(model, images, $"dummy (zeros, ones, {DummyNoiseInputs} noise)");
    }
}
