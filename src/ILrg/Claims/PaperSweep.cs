using ILrg.Data;
using ILrg.Metrics;
using ILrg.Models;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>A curve of the paper (SPEC.md §9) that ILrg measures and compares point by point.</summary>
/// <param name="Id">depth or batch.</param>
/// <param name="Title">Human description.</param>
/// <param name="Parameter">What varies (the plot's x label).</param>
/// <param name="Metric">The compared metric (lnAcc).</param>
/// <param name="PaperTrials">Trials behind each of the paper's figures (50).</param>
/// <param name="Points">The settings with the paper's value at each.</param>
public sealed record PaperSweep(
    string Id, string Title, string Parameter, string Metric, int PaperTrials, IReadOnlyList<PaperSweep.Point> Points)
{
    /// <summary>One setting of the curve.</summary>
    /// <param name="X">The varied value (n_hidden or N).</param>
    /// <param name="Paper">The paper's figure.</param>
    /// <param name="Experiment">What ILrg runs for it.</param>
    public sealed record Point(double X, double Paper, ExperimentSpec Experiment);

    /// <summary>FCN on real MNIST, N=64, n_hidden 0…4 (paper LnAcc 0.328 / 0.598 / 0.768 / 1.000 / 0.996).</summary>
    public static PaperSweep Depth(int trials, ulong seed = 0)
    {
        double[] paper = [0.328, 0.598, 0.768, 1.000, 0.996];
        return new PaperSweep(
            "depth", "FCN on MNIST, N=64, by depth", "n_hidden", "lnAcc", 50,
            paper.Select((p, h) => new Point(h, p, new ExperimentSpec(
                new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: h), 64, trials, seed))).ToList());
    }

    /// <summary>FCN-3 on real MNIST, N = 8…128 (paper LnAcc 1.000 / 1.000 / 0.804 / 0.598 / 0.386).</summary>
    public static PaperSweep BatchSize(int trials, ulong seed = 0)
    {
        (int N, double Paper)[] points = [(8, 1.000), (16, 1.000), (32, 0.804), (64, 0.598), (128, 0.386)];
        return new PaperSweep(
            "batch", "FCN-3 on MNIST, by batch size", "batch size N", "lnAcc", 50,
            points.Select(p => new Point(p.N, p.Paper, new ExperimentSpec(
                new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), p.N, trials, seed))).ToList());
    }

    /// <summary>
    /// The binomial 95% band of a paper figure (<see cref="BinomialBand"/>) over <paramref name="paperTrials"/> ×
    /// <paramref name="classes"/> per-class outcomes (LnAcc averages one hit or miss per class per trial).
    /// </summary>
    public static Interval PaperBand(double paper, int paperTrials, int classes)
    {
        BinomialBand band = BinomialBand.For(paper, checked(paperTrials * classes));
        return new Interval(band.Low, band.High);
    }
}
