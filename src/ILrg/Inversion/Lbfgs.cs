using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>
/// L-BFGS without line search, step for step as PyTorch's <c>torch.optim.LBFGS</c> (max_iter 20, max_eval 25,
/// tolerance_grad 1e−7, tolerance_change 1e−9, history 100), over a list of tensors treated as one flat vector.
/// </summary>
/// <remarks>Written here because TorchSharp's LBFGS leaves one undisposed tensor per closure evaluation; this one keeps
/// its history outside the caller's dispose scopes and releases it on <see cref="Dispose"/>.</remarks>
internal sealed class Lbfgs : IDisposable
{
    private const int MaxIter = 20, MaxEval = 25, History = 100;
    private const double ToleranceGrad = 1e-7, ToleranceChange = 1e-9;
    private readonly IList<Parameter> _parameters;
    private readonly double _lr;
    private readonly List<(Tensor Y, Tensor S, double Ro)> _history = [];
    private Tensor? _direction;
    private Tensor? _previousGradient;
    private double _t;
    private double _hDiag = 1;
    private int _iterations;

    public Lbfgs(IList<Parameter> parameters, double lr)
    {
        _parameters = parameters;
        _lr = lr;
    }

    /// <summary>One optimiser step; <paramref name="closure"/> zeroes gradients, evaluates, back-propagates and returns
    /// the loss value.</summary>
    public void Step(Func<double> closure)
    {
        using var scope = NewDisposeScope();
        double loss = closure();
        Tensor g = FlatGradient();
        if (g.abs().max().item<float>() <= ToleranceGrad)
        {
            return;
        }

        int evaluations = 1;
        for (int local = 1; local <= MaxIter; local++)
        {
            _iterations++;
            if (_iterations == 1)
            {
                Keep(ref _direction, -g);
                _hDiag = 1;
            }
            else
            {
                Tensor y = g - _previousGradient!;
                Tensor s = _direction! * _t;
                double ys = y.dot(s).item<float>();
                if (ys > 1e-10)
                {
                    if (_history.Count == History)
                    {
                        _history[0].Y.Dispose();
                        _history[0].S.Dispose();
                        _history.RemoveAt(0);
                    }

                    _history.Add((y.DetachFromDisposeScope(), s.DetachFromDisposeScope(), 1 / ys));
                    _hDiag = ys / y.dot(y).item<float>();
                }

                var al = new double[_history.Count];
                Tensor q = -g;
                for (int i = _history.Count - 1; i >= 0; i--)
                {
                    al[i] = _history[i].S.dot(q).item<float>() * _history[i].Ro;
                    q = q - (_history[i].Y * al[i]);
                }

                Tensor r = q * _hDiag;
                for (int i = 0; i < _history.Count; i++)
                {
                    double be = _history[i].Y.dot(r).item<float>() * _history[i].Ro;
                    r = r + (_history[i].S * (al[i] - be));
                }

                Keep(ref _direction, r);
            }

            Keep(ref _previousGradient, g.clone());
            double previousLoss = loss;
            _t = _iterations == 1 ? Math.Min(1.0, 1.0 / g.abs().sum().item<float>()) * _lr : _lr;
            double gtd = g.dot(_direction!).item<float>();
            if (gtd > -ToleranceChange)
            {
                break;
            }

            Apply(_direction!, _t);
            if (local != MaxIter)
            {
                loss = closure();
                g = FlatGradient();
                evaluations++;
            }

            if (local == MaxIter || evaluations >= MaxEval || g.abs().max().item<float>() <= ToleranceGrad ||
                (_direction! * _t).abs().max().item<float>() <= ToleranceChange
                    || Math.Abs(loss - previousLoss) < ToleranceChange)
            {
                break;
            }
        }
    }

    public void Dispose()
    {
        foreach (var (y, s, _) in _history)
        {
            y.Dispose();
            s.Dispose();
        }

        _history.Clear();
        _direction?.Dispose();
        _previousGradient?.Dispose();
    }

    private static void Keep(ref Tensor? field, Tensor value)
    {
        field?.Dispose();
        field = value.DetachFromDisposeScope();
    }

    private Tensor FlatGradient()
        => cat(_parameters.Select(p => p.grad is { } g ? g.flatten() : zeros(p.numel())).ToList(), 0);

    private void Apply(Tensor direction, double step)
    {
        using var noGrad = no_grad();
        long offset = 0;
        foreach (Parameter p in _parameters)
        {
            long count = p.numel();
            p.add_(direction.narrow(0, offset, count).view_as(p), alpha: step);
            offset += count;
        }
    }
}
