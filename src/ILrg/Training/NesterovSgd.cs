using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ILrg.Training;

/// <summary>SGD with Nesterov momentum and L2 weight decay, the same tensor operations in the same order as
/// TorchSharp's <c>optim.SGD(…, nesterov: true)</c> (so the same weights, bit for bit), but with every scalar created,
/// kept alive and released explicitly.
/// </summary>
/// <remarks>TorchSharp 0.107's SGD passes implicitly converted <see cref="Scalar"/>s (weight decay, momentum, −lr) to
/// native code without keeping them alive, so a garbage collection during a step can finalize one while libtorch reads
/// it. After much earlier tensor work in the same process (a claim's attack trials before its next run's training) this
/// failed reproducibly with "Exception raised from toFloat … Expected false to be true".
/// </remarks>
internal sealed class NesterovSgd : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor?[] _velocity;
    private readonly double _momentum;
    private readonly double _weightDecay;

    /// <summary>The optimizer over <paramref name="parameters"/>.</summary>
    public NesterovSgd(IEnumerable<Parameter> parameters, double momentum, double weightDecay)
    {
        _parameters = [.. parameters];
        _velocity = new Tensor?[_parameters.Length];
        _momentum = momentum;
        _weightDecay = weightDecay;
    }

    /// <summary>One update with learning rate <paramref name="learningRate"/> from the parameters' gradients:
    /// d = g + wd·p; v = d (first step) or m·v + d; p −= lr·(d + m·v).</summary>
    public void Step(double learningRate)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using Scalar decay = _weightDecay.ToScalar(), momentum = _momentum.ToScalar(), one = 1.0.ToScalar();
        using Scalar step = (-learningRate).ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            Parameter p = _parameters[i];
            Tensor? gradient = p.grad;
            if (gradient is null)
            {
                continue;
            }

            Tensor d = _weightDecay != 0 ? gradient.add(p, decay) : gradient;
            if (_velocity[i] is not { } v)
            {
                _velocity[i] = d.clone().detach().DetachFromDisposeScope();
            }
            else
            {
                v.mul_(momentum).add_(d, one);
            }

            p.add_(d.add(_velocity[i]!, momentum), step);
        }

        GC.KeepAlive(decay);
        GC.KeepAlive(momentum);
        GC.KeepAlive(one);
        GC.KeepAlive(step);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor? v in _velocity)
        {
            v?.Dispose();
        }
    }
}
