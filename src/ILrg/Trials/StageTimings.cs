namespace ILrg.Trials;

/// <summary>Wall time of each stage of a trial, in milliseconds.</summary>
public sealed record StageTimings(double SampleMs, double ModelMs, double ClientMs, double RestoreMs, double TotalMs)
{
    /// <summary>Sum of several timings.</summary>
    public static StageTimings Sum(IEnumerable<StageTimings> items)
    {
        var list = items.ToList();
        return new StageTimings(
            list.Sum(t => t.SampleMs), list.Sum(t => t.ModelMs), list.Sum(t => t.ClientMs),
            list.Sum(t => t.RestoreMs), list.Sum(t => t.TotalMs));
    }

    /// <summary>The stages by name, for a <see cref="Reporting.RunManifest"/>.</summary>
    public IReadOnlyDictionary<string, double> ByStage() => new Dictionary<string, double>
    {
        ["sample"] = SampleMs,
        ["model"] = ModelMs,
        ["client"] = ClientMs,
        ["restore"] = RestoreMs,
        ["total"] = TotalMs,
    };
}
