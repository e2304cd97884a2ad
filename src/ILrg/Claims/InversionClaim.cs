using System.Diagnostics;
using ILrg.Data;
using ILrg.Inversion;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>
/// The paper's image-reconstruction claim (SPEC.md §8–9): Inverting Gradients with the restored labels beats the
/// reference's joint optimisation with one shared soft label by a PSNR gain in dB.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Human description.</param>
/// <param name="Spec">The inversion experiment.</param>
/// <param name="Check">The gate on <c>psnrGainDb</c> = PSNR(restored labels) − PSNR(shared joint label).</param>
/// <param name="Note">How the setting differs from the paper's.</param>
public sealed record InversionClaim(string Id, string Title, InversionSpec Spec, ClaimCheck Check, string? Note = null)
    : IClaim
{
    /// <summary>The gated metric's name.</summary>
    public const string GainMetric = "psnrGainDb";

    /// <inheritdoc />
    public int Steps => 2;

    /// <inheritdoc />
    public ClaimOutcome Run(
        Func<DatasetRequest, IImageDataset> open, Action? onStep = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var clock = Stopwatch.StartNew();
        IImageDataset dataset = open(Spec.Experiment.Dataset);
        using var experiment = new InversionExperiment(Spec, dataset);
        double restored = experiment.Run(LabelMode.ILrg, cancellation: cancellation).Scores.MeanPsnr;
        onStep?.Invoke();
        double shared = experiment.Run(LabelMode.JointShared, cancellation: cancellation).Scores.MeanPsnr;
        onStep?.Invoke();
        return new ClaimOutcome(
            Id, Title, dataset.Name, dataset.IsSynthetic, [Check.Judge(restored - shared)], clock.Elapsed.TotalSeconds,
            Note);
    }
}
