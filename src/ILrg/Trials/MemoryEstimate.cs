using System.Globalization;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Trials;

/// <summary>
/// The peak memory a run will need, estimated before anything large is allocated: the model's parameters (with the
/// real class count), and per image the activations of one forward pass, measured on a probe model (one class, one
/// image) with forward hooks. A run that would not fit is refused with the options to change.
/// </summary>
/// <param name="ParameterBytes">Parameters of the model with the run's class count (float32).</param>
/// <param name="ActivationBytesPerImage">All layer outputs of one image's forward pass (float32).</param>
/// <param name="LargestActivationBytesPerImage">The largest single layer output of one image.</param>
/// <param name="PeakBytes">The run's estimated peak.</param>
/// <param name="AvailableBytes">The memory this process may use (physical memory or the container's limit).</param>
public sealed record MemoryEstimate(
    long ParameterBytes, long ActivationBytesPerImage, long LargestActivationBytesPerImage, long PeakBytes,
    long AvailableBytes)
{
    /// <summary>Fraction of the available memory a run may plan to use.</summary>
    public const double Budget = 0.8;

    /// <summary>Estimates the peak of a run of <paramref name="spec"/> computing updates of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">One image alone does not fit in memory.</exception>
    public static MemoryEstimate For(ExperimentSpec spec, IImageDataset dataset, UpdateKind kind)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long imageBytes = checked(4L * dataset.Shape.Channels * dataset.Shape.Height * dataset.Shape.Width);
        if (imageBytes > available * Budget / 4)
        {
            throw new ArgumentException(
                $"one image of shape {dataset.Shape} needs {Gb(imageBytes)}; this machine has {Gb(available)}");
        }

        var (parameters, embedding, total, largest) = Probe(spec.Model, dataset.Shape);
        long fcBytes = checked(4L * dataset.Classes * (embedding + 1));
        long parameterBytes = checked(parameters - (4L * (embedding + 1)) + fcBytes);
        int perPass = kind == UpdateKind.WholeModel || spec.Mode == ClientMode.Train ? spec.BatchSize : spec.ChunkSize;
        perPass = Math.Min(perPass, spec.BatchSize);
        long peak = kind == UpdateKind.WholeModel
            // autograd keeps every layer output, and inversion differentiates the gradient again (about 3×).
            ? checked((3 * parameterBytes) + (3L * perPass * (total + imageBytes)))
            // a forward pass without autograd holds about two layer outputs at a time, plus g_W and the logits.
            : checked(parameterBytes + (2 * fcBytes) + ((long)perPass * ((2 * largest) + imageBytes)));
        return new MemoryEstimate(parameterBytes, total, largest, peak, available);
    }

    /// <summary>True when the peak fits within <see cref="Budget"/> of the available memory.</summary>
    public bool Fits => PeakBytes <= AvailableBytes * Budget;

    /// <summary>Throws when the run does not fit, naming what to change.</summary>
    /// <exception cref="ArgumentException">The peak exceeds the budget.</exception>
    public void ThrowIfTooLarge(ExperimentSpec spec, UpdateKind kind)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Fits)
        {
            return;
        }

        string change = ParameterBytes * 3 > AvailableBytes * Budget
            ? "the model alone is too large: lower --classes or choose a smaller --model"
            : kind == UpdateKind.WholeModel || spec.Mode == ClientMode.Train
                ? $"lower --batch-size (now {spec.BatchSize}; the whole batch is one pass here)"
                : $"lower --chunk-size (now {spec.ChunkSize})";
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"this run needs about {Gb(PeakBytes)} (model {Gb(ParameterBytes)}, {Gb(ActivationBytesPerImage)} of " +
            $"activations per image) but may use {Gb((long)(AvailableBytes * Budget))} of this machine's " +
            $"{Gb(AvailableBytes)}; {change}"));
    }

    private static string Gb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:F2} GB");

    private static (long ParameterBytes, long Embedding, long Total, long Largest) Probe(ModelSpec spec, ImageShape shape)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(0);
        using Classifier probe = ModelZoo.Create(spec with { CheckpointPath = null }, shape, 1, generator);
        probe.eval();
        long total = 0, largest = 0;
        var handles = new List<Action>();
        foreach (var module in probe.modules().OfType<nn.Module<Tensor, Tensor>>())
        {
            var remover = module.register_forward_hook((_, _, output) =>
            {
                long bytes = 4L * output.numel();
                total += bytes;
                largest = Math.Max(largest, bytes);
                return output;
            });
            handles.Add(remover.remove);
        }

        using (no_grad())
        {
            using Tensor image = zeros(1, shape.Channels, shape.Height, shape.Width);
            _ = probe.ForwardWithEmbedding(image);
        }

        foreach (Action remove in handles)
        {
            remove();
        }

        long parameters = 4L * probe.parameters().Sum(p => p.numel());
        return (parameters, probe.EmbeddingSize, total, largest);
    }
}
