using System.Diagnostics;
using ILrg.Data;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>A label-restoration claim of the paper: an experiment and the gated figures of its summary.</summary>
/// <param name="Id">Stable identifier (used in reports and goldens).</param>
/// <param name="Title">Human description.</param>
/// <param name="Experiment">The configuration run.</param>
/// <param name="Checks">The gated figures.</param>
/// <param name="Note">Why the setting differs from the paper, if it does (e.g. a synthetic stand-in).</param>
public sealed record PaperClaim(
    string Id, string Title, ExperimentSpec Experiment, IReadOnlyList<ClaimCheck> Checks, string? Note = null) : IClaim
{
    /// <inheritdoc />
    public int Steps => Experiment.Trials;

    /// <inheritdoc />
    public ClaimOutcome Run(
        Func<DatasetRequest, IImageDataset> open, Action? onStep = null, CancellationToken cancellation = default) =>
        Measure(open, onStep, cancellation).Outcome;

    /// <summary>Runs the experiment and judges it; also returns the experiment's result (every trial).</summary>
    public (ClaimOutcome Outcome, ExperimentResult Result) Measure(
        Func<DatasetRequest, IImageDataset> open, Action? onStep = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var clock = Stopwatch.StartNew();
        IImageDataset dataset = open(Experiment.Dataset);
        ExperimentResult result = ExperimentRunner.Run(Experiment, dataset, _ => onStep?.Invoke(), cancellation);
        var checks = Checks.Select(c => c.Judge(result.Summary.Metric(c.Metric))).ToList();
        return (new ClaimOutcome(Id, Title, dataset.Name, dataset.IsSynthetic, checks, clock.Elapsed.TotalSeconds, Note),
            result);
    }
}
