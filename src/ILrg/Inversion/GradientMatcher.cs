using ILrg.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>Holds the true whole-model gradient and computes dummy gradients and matching costs.</summary>
/// <remarks>SPEC.md §8: the dummy gradient is taken with <c>create_graph</c> so the cost can be differentiated with
/// respect to the dummy images (double backward).</remarks>
internal sealed class GradientMatcher : IDisposable
{
    private readonly Classifier _model;
    private readonly List<Parameter> _parameters;
    private readonly Tensor _target;
    private readonly Tensor _targetNorm;

    public GradientMatcher(InversionProblem problem)
    {
        _model = problem.Model;
        var named = problem.Model.named_parameters().ToList();
        _parameters = named.Select(p => p.parameter).ToList();
        using var scope = NewDisposeScope();
        var flat = named.Select(p =>
        {
            var g = problem.Update[p.name];
            return tensor(g.Values, [g.Values.LongLength]);
        }).ToList();
        _target = ComputeDevice.On(cat(flat, 0), ComputeDevice.Of(problem.Model)).MoveToOuterDisposeScope();
        _targetNorm = _target.norm().MoveToOuterDisposeScope();
        if (_targetNorm.item<float>() == 0f)
        {
            _target.Dispose();
            _targetNorm.Dispose();
            throw new ArgumentException("the update's gradient is all zeros; there is nothing to invert");
        }
    }

    /// <summary>The concatenated dummy gradient of every parameter, differentiable w.r.t. the dummy inputs.</summary>
    public Tensor DummyGradient(Tensor images, DummyLabels labels, bool createGraph)
    {
        using var scope = NewDisposeScope();
        Tensor loss = labels.Loss(_model.forward(images));
        var grads = autograd.grad([loss], _parameters.Cast<Tensor>().ToList(), retain_graph: createGraph, create_graph: createGraph);
        return cat(grads.Select(g => g.flatten()).ToList(), 0).MoveToOuterDisposeScope();
    }

    /// <summary>1 − cos(dummy, true) over the concatenated gradients.</summary>
    public Tensor CosineCost(Tensor dummy)
    {
        using var scope = NewDisposeScope();
        Tensor cost = 1 - (dummy * _target).sum() / (dummy.norm() * _targetNorm + 1e-12);
        return cost.MoveToOuterDisposeScope();
    }

    /// <summary>‖dummy − true‖² over the concatenated gradients.</summary>
    public Tensor SquaredDistance(Tensor dummy)
    {
        using var scope = NewDisposeScope();
        return (dummy - _target).pow(2).sum().MoveToOuterDisposeScope();
    }

    /// <summary>Clears gradients that the double backward accumulated in the model's parameters.</summary>
    public void ClearModelGradients() => _model.zero_grad();

    public void Dispose()
    {
        _target.Dispose();
        _targetNorm.Dispose();
    }
}
