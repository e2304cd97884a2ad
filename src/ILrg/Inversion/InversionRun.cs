using System.Collections.Immutable;
using ILrg.Federated;
using ILrg.Models;
using static TorchSharp.torch;

namespace ILrg.Inversion;

/// <summary>Pieces shared by the inverters: model mode, restart scoring and choice.</summary>
internal static class InversionRun
{
    /// <summary>
    /// The restart loop every inverter shares: validate, set the model's mode, build the gradient matcher and the pixel
    /// box once, run the settings' restarts with <paramref name="restart"/> and keep the one with the lowest gradient cost.
    /// </summary>
    public static InversionResult RunRestarts(
        string method,
        InversionProblem problem,
        InversionSettings settings,
        Func<GradientMatcher, PixelBox, int, Outcome> restart)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        Client.SetMode(problem.Model, problem.Mode);
        using var matcher = new GradientMatcher(problem);
        using var box = new PixelBox(problem.Normalisation, problem.Shape.Channels, ComputeDevice.Of(problem.Model));
        var outcomes = new List<Outcome>();
        for (int r = 0; r < settings.Restarts; r++)
        {
            outcomes.Add(restart(matcher, box, r));
        }

        return Choose(method, problem, outcomes, settings.ProgressEvery);
    }

    /// <summary>The final gradient cost of a restart (no priors, no ground truth); non-finite becomes +∞.</summary>
    public static double Score(GradientMatcher matcher, Tensor x, DummyLabels labels, Func<Tensor, Tensor> cost)
    {
        using var scope = NewDisposeScope();
        using Tensor detached = x.detach();
        double value = cost(matcher.DummyGradient(detached, labels, createGraph: false)).item<float>();
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }

    public static InversionResult Choose(string method, InversionProblem problem, IReadOnlyList<Outcome> outcomes, int curveStep)
    {
        int bestIndex = 0;
        for (int i = 1; i < outcomes.Count; i++)
        {
            if (outcomes[i].Score < outcomes[bestIndex].Score)
            {
                bestIndex = i;
            }
        }

        Outcome best = outcomes[bestIndex];
        return new InversionResult(
            method, problem.Labels.Mode, problem.Shape, best.Pixels, [.. best.Labels], best.Score,
            [.. outcomes.Select(o => o.Score)], best.Curve, curveStep, best.Iterations);
    }

    internal sealed record Outcome(float[] Pixels, int[] Labels, double Score, ImmutableArray<double> Curve, int Iterations);
}
