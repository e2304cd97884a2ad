using System.Collections.Immutable;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Numerics;
using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>Inverting Gradients (Geiping et al. 2020) as the iLRG reference runs it.</summary>
/// <remarks>
/// SPEC.md §8: dummy x ~ N(0,1) in normalised space; Adam (lr 0.1) on the SIGNED gradient of
/// 1 − cos(∇θ L(x), ∇θ L_true) + tv·TV(x) + l2·‖x‖; MultiStepLR γ = 0.1 at 3/8, 5/8, 7/8 of the iterations; x clamped
/// to the valid pixel box after every step; each restart is scored by its final gradient cost alone (never by the
/// ground truth) and the lowest wins.
/// </remarks>
public sealed class InvertingGradients : IGradientInverter
{
    private readonly InversionSettings _settings;

    /// <summary>Creates the inverter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid settings.</exception>
    public InvertingGradients(InversionSettings? settings = null)
    {
        _settings = settings ?? new InversionSettings();
        _settings.Validate();
    }

    /// <inheritdoc />
    public string Name => "ig";

    /// <summary>The MultiStepLR milestones for <paramref name="iterations"/> (3/8, 5/8, 7/8).</summary>
    public static int[] Milestones(int iterations) =>
        [iterations * 3 / 8, iterations * 5 / 8, iterations * 7 / 8];

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
        using var x = new TorchSharp.Modules.Parameter(
            ComputeDevice.MoveTo(randn([n, shape.Channels, shape.Height, shape.Width], generator: generator), device),
            requires_grad: true);
        using var labels = DummyLabels.Create(problem.Labels, n, problem.Model.Classes, generator, device);
        using var optimizer = optim.Adam(labels.Trainable(x), _settings.LearningRate);
        var scheduler = optim.lr_scheduler.MultiStepLR(optimizer, Milestones(_settings.Iterations), 0.1);
        var tracker = new RestartTracker(restart, _settings.ProgressEvery, _settings.EarlyStopPatience, progress);
        for (int it = 0; it < _settings.Iterations; it++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor gradientCost = matcher.CosineCost(matcher.DummyGradient(x, labels, createGraph: true));
            Tensor cost = gradientCost;
            if (_settings.TotalVariation > 0)
            {
                cost = cost + _settings.TotalVariation * TotalVariation.Of(x);
            }

            if (_settings.L2 > 0)
            {
                cost = cost + _settings.L2 * x.norm();
            }

            cost.backward();
            x.grad!.sign_();
            optimizer.step();
            scheduler.step();
            box.Clamp(x);
            matcher.ClearModelGradients();
            double value = gradientCost.item<float>();
            if (tracker.Record(it, value))
            {
                break;
            }
        }

        double score = InversionRun.Score(matcher, x, labels, matcher.CosineCost);
        return new InversionRun.Outcome(box.ToRaw(x), labels.Hard(n), score, [.. tracker.Curve], tracker.Done);
    }
}
