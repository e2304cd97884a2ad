using System.Diagnostics;
using ILrg.Data;
using ILrg.Metrics;

namespace ILrg.Experiments;

/// <summary>Runs claims and compares the measured figures with their thresholds.</summary>
public static class ClaimRunner
{
    /// <summary>Runs one claim.</summary>
    public static (ClaimOutcome Outcome, ExperimentResult Result) Run(
        PaperClaim claim, Func<DatasetRequest, IImageDataset> openDataset, Action<TrialResult>? onTrial = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(openDataset);
        var clock = Stopwatch.StartNew();
        IImageDataset dataset = openDataset(claim.Experiment.Dataset);
        ExperimentResult result = ExperimentRunner.Run(claim.Experiment, dataset, onTrial);
        var checks = claim.Checks.Select(c =>
        {
            double measured = Metric(result.Summary, c.Metric);
            return new CheckOutcome(c.Metric, c.Paper, c.Threshold, c.Upper, c.GateText(), measured, c.Passes(measured));
        }).ToList();
        var outcome = new ClaimOutcome(
            claim.Id, claim.Title, dataset.Name, dataset.IsSynthetic, checks, clock.Elapsed.TotalSeconds, claim.Note);
        return (outcome, result);
    }

    /// <summary>A summary figure by its report name.</summary>
    public static double Metric(LabelSummary summary, string metric)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return metric switch
        {
            "leAcc" => summary.LeAcc,
            "lnAcc" => summary.LnAcc,
            "iRec" => summary.IRec,
            "exactBatchRate" => summary.ExactBatchRate,
            "presentLnAcc" => summary.PresentLnAcc,
            _ => throw new ArgumentException($"unknown metric '{metric}'", nameof(metric)),
        };
    }
}
