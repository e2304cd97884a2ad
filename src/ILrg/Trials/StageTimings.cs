namespace ILrg.Trials;

/// <summary>Wall time of each stage of a trial, in milliseconds.</summary>
/// <param name="SampleMs">Drawing the batch.</param>
/// <param name="ModelMs">Building and initialising the model.</param>
/// <param name="ClientMs">The client's update and the attacker's view of it.</param>
/// <param name="RestoreMs">Building and running the restorer.</param>
/// <param name="TotalMs">The sum of the stages.</param>
/// <param name="MetricsMs">Scoring the restoration against the truth and checking it for warnings (0 in reports
/// written before this stage was timed).</param>
public sealed record StageTimings(
    double SampleMs, double ModelMs, double ClientMs, double RestoreMs, double TotalMs, double MetricsMs = 0)
{
    /// <summary>Sum of several timings.</summary>
    public static StageTimings Sum(IEnumerable<StageTimings> items)
    {
        var list = items.ToList();
        return new StageTimings(
            list.Sum(t => t.SampleMs), list.Sum(t => t.ModelMs), list.Sum(t => t.ClientMs),
            list.Sum(t => t.RestoreMs), list.Sum(t => t.TotalMs), list.Sum(t => t.MetricsMs));
    }

    /// <summary>The stages by name, for a <see cref="Reporting.RunManifest"/>.</summary>
    public IReadOnlyDictionary<string, double> ByStage() => new Dictionary<string, double>
    {
        ["sample"] = SampleMs,
        ["model"] = ModelMs,
        ["client"] = ClientMs,
        ["restore"] = RestoreMs,
        ["metrics"] = MetricsMs,
        ["total"] = TotalMs,
    };
}
