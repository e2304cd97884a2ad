namespace ILrg.Metrics;

/// <summary>Means over trials (SPEC.md §4: per trial, then the arithmetic mean), with 95% intervals.</summary>
public sealed record LabelSummary(
    int Trials,
    double LeAcc,
    double LnAcc,
    double IRec,
    double ExactBatchRate,
    double CountMae,
    double PresentLnAcc,
    Interval LeAccCi,
    Interval LnAccCi,
    Interval IRecCi,
    Interval ExactBatchRateCi)
{
    /// <summary>Summarises trial scores.</summary>
    public static LabelSummary Of(IReadOnlyList<TrialLabelScores> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
        {
            throw new ArgumentException("no trials to summarise", nameof(trials));
        }

        double[] le = trials.Select(t => t.LeAcc).ToArray();
        double[] ln = trials.Select(t => t.LnAcc).ToArray();
        double[] ir = trials.Select(t => t.IRec).ToArray();
        double[] ex = trials.Select(t => t.ExactBatch ? 1.0 : 0.0).ToArray();
        return new LabelSummary(
            trials.Count, le.Average(), ln.Average(), ir.Average(), ex.Average(),
            trials.Average(t => t.CountMae), trials.Average(t => t.PresentLnAcc),
            Interval.OfMean(le), Interval.OfMean(ln), Interval.OfMean(ir), Interval.Wilson(ex.Sum(), ex.Length));
    }

    /// <summary>The names <see cref="Metric"/> accepts (as in the JSON reports).</summary>
    public static IReadOnlyList<string> MetricNames { get; } = ["leAcc", "lnAcc", "iRec", "exactBatchRate",
        "presentLnAcc"];

    /// <summary>A summary figure by its report name.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public double Metric(string name) => name switch
    {
        "leAcc" => LeAcc,
        "lnAcc" => LnAcc,
        "iRec" => IRec,
        "exactBatchRate" => ExactBatchRate,
        "presentLnAcc" => PresentLnAcc,
        _ => throw new ArgumentException($"unknown metric '{name}'; known: {string.Join(", ", MetricNames)}",
            nameof(name)),
    };

    /// <summary>The 95% interval of a figure by its report name, where the summary has one.</summary>
    public Interval? IntervalOf(string name) => name switch
    {
        "leAcc" => LeAccCi,
        "lnAcc" => LnAccCi,
        "iRec" => IRecCi,
        "exactBatchRate" => ExactBatchRateCi,
        _ => null,
    };
}
