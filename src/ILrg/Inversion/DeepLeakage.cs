using ILrg.Models;
using ILrg.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>Deep Leakage from Gradients (Zhu et al. 2019): L-BFGS on the squared L2 gradient distance.</summary>
/// <remarks>SPEC.md §8 (DLG). Each iteration is one L-BFGS step (up to 20 cost evaluations, PyTorch semantics, no
/// line search); x starts N(0,1) in
/// normalised space and is clamped to the pixel box after each step; restarts are scored by the final squared gradient
/// distance. TV and L2 priors are added when their weights are positive (the original DLG has none).</remarks>
public sealed class DeepLeakage : IGradientInverter
{
    private readonly InversionSettings _settings;

    /// <summary>Creates the inverter; <see cref="InversionSettings.LearningRate"/> is L-BFGS's step size.</summary>
    public DeepLeakage(InversionSettings? settings = null)
    {
        _settings = settings ?? new InversionSettings(Iterations: 300, Restarts: 1, LearningRate: 1.0, TotalVariation: 0);
        _settings.Validate();
    }

    /// <inheritdoc />
    public string Name => "dlg";

    /// <inheritdoc />
    public InversionResult Invert(InversionProblem problem, Action<InversionProgress>? progress = null)
        => InversionRun.RunRestarts(
            Name, problem, _settings, (matcher, box, r) => RunRestart(problem, matcher, box, r, progress));

    private InversionRun.Outcome RunRestart(
        InversionProblem problem, GradientMatcher matcher, PixelBox box, int restart, Action<InversionProgress>? progress)
    {
        var shape = problem.Shape;
        int n = problem.BatchSize;
        Device device = ComputeDevice.Of(problem.Model);
        using var generator = new Generator(DeterministicRandom.Derive(_settings.Seed, (ulong)restart));
        using var x = new Parameter(
            ComputeDevice.MoveTo(randn([n, shape.Channels, shape.Height, shape.Width], generator: generator), device),
            requires_grad: true);
        using var labels = DummyLabels.Create(problem.Labels, n, problem.Model.Classes, generator, device);
        var trainable = labels.Trainable(x);
        using var optimizer = new Lbfgs(trainable, _settings.LearningRate);
        var tracker = new RestartTracker(restart, _settings.ProgressEvery, _settings.EarlyStopPatience, progress);
        for (int it = 0; it < _settings.Iterations; it++)
        {
            using var scope = NewDisposeScope();
            double Closure()
            {
                using var inner = NewDisposeScope();
                foreach (var p in trainable)
                {
                    p.grad?.zero_();
                }

                Tensor cost = matcher.SquaredDistance(matcher.DummyGradient(x, labels, createGraph: true));
                if (_settings.TotalVariation > 0)
                {
                    cost = cost + _settings.TotalVariation * TotalVariation.Of(x);
                }

                if (_settings.L2 > 0)
                {
                    cost = cost + _settings.L2 * x.norm();
                }

                cost.backward();
                return cost.item<float>();
            }

            optimizer.Step(Closure);
            box.Clamp(x);
            matcher.ClearModelGradients();
            double value = InversionRun.Score(matcher, x, labels, matcher.SquaredDistance);
            if (tracker.Record(it, value))
            {
                break;
            }
        }

        double score = InversionRun.Score(matcher, x, labels, matcher.SquaredDistance);
        return new InversionRun.Outcome(box.ToRaw(x), labels.Hard(n), score, [.. tracker.Curve], tracker.Done);
    }
}
