using ILrg.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>The dummy batch's labels: a fixed index tensor, or a trainable soft label (shared or per image).</summary>
internal sealed class DummyLabels : IDisposable
{
    private readonly Tensor? _fixed;

    private DummyLabels(Tensor? fixedLabels, Parameter? logits)
    {
        _fixed = fixedLabels;
        Logits = logits;
    }

    /// <summary>The trainable label logits (1×C shared, N×C per image), or null for fixed labels.</summary>
    public Parameter? Logits { get; }

    /// <summary>Builds the labels for one restart; trainable logits start N(0,1) from <paramref name="generator"/>.</summary>
    /// <remarks>Drawn on the CPU from the generator, then moved to <paramref name="device"/> (default CPU).</remarks>
    public static DummyLabels Create(
        InversionLabels labels, int n, long classes, Generator generator, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Device where = device ?? CPU;
        Parameter Soft(long rows) =>
            new(ComputeDevice.MoveTo(randn([rows, classes], generator: generator), where), requires_grad: true);
        return labels.Mode switch
        {
            LabelMode.JointShared => new DummyLabels(null, Soft(1)),
            LabelMode.JointPerImage => new DummyLabels(null, Soft(n)),
            _ => new DummyLabels(
                ComputeDevice.MoveTo(tensor(labels.Fixed.Select(l => (long)l).ToArray(), int64), where), null),
        };
    }

    /// <summary>The tensors an optimiser trains: the images and, for joint modes, the label logits.</summary>
    public IList<Parameter> Trainable(Parameter images) => Logits is null ? [images] : [images, Logits];

    /// <summary>Batch-mean cross-entropy of <paramref name="logits"/> against these labels (soft labels: the mean of
    /// −Σ softmax(label)·log_softmax(logits)).</summary>
    public Tensor Loss(Tensor logits)
    {
        if (_fixed is not null)
        {
            return nn.functional.cross_entropy(logits, _fixed);
        }

        using var scope = NewDisposeScope();
        Tensor soft = nn.functional.softmax(Logits!, 1);
        Tensor loss = (-soft * nn.functional.log_softmax(logits, 1)).sum(dim: 1).mean();
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>The label per image: the fixed list, or the arg-max of the soft labels.</summary>
    public int[] Hard(int n)
    {
        using var scope = NewDisposeScope();
        Tensor t = _fixed ?? (Logits!.shape[0] == 1 ? Logits.detach().argmax(1).expand(n) : Logits.detach().argmax(1));
        return t.to_type(int64).cpu().data<long>().Select(v => (int)v).ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _fixed?.Dispose();
        Logits?.Dispose();
    }
}
