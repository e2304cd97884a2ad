using ILrg.Inversion;
using ILrg.Trials;

namespace ILrg.Performance;

/// <summary>
/// One row of <c>ilrg bench</c>, as data: a stable name (baselines match rows by it), what it measures, and the
/// configuration it runs. <see cref="Count"/> is T trials for a trial row (the first of T ≥ 2 is a warm-up) and K
/// timed restorations or iterations, after one warm-up, for the other rows.
/// </summary>
/// <param name="Name">Stable name, e.g. fcn-mnist-24.</param>
/// <param name="Description">What the row measures.</param>
/// <param name="Kind">Trials, the restoration alone, or inversion iterations.</param>
/// <param name="Count">T or K in the full set.</param>
/// <param name="QuickCount">T or K under <c>--quick</c>; null when the row is not in the quick set.</param>
/// <param name="Target">What the row should reach (shown, never an exit code).</param>
public sealed record BenchRow(
    string Name, string Description, BenchKind Kind, int Count, int? QuickCount, BenchTarget Target)
{
    /// <summary>Trial and inversion rows: the experiment (its trial count is set from <see cref="Count"/>).</summary>
    public ExperimentSpec? Experiment { get; init; }

    /// <summary>Inversion rows: the inverter's settings (iterations set from <see cref="Count"/>, one
    /// restart).</summary>
    public InversionSettings? Inversion { get; init; }

    /// <summary>Restoration rows: the synthetic observation.</summary>
    public RestorationShape? Observation { get; init; }

    /// <summary>The reference code's time for the same work (<see cref="ReferenceTimings"/>); null when there is
    /// none.</summary>
    public double? ReferenceMs { get; init; }

    /// <summary>What one counted unit is: "trials", "restorations" or "iterations".</summary>
    public string Units => Kind switch
    {
        BenchKind.Trials => "trials",
        BenchKind.Restoration => "restorations",
        _ => "iterations",
    };

    /// <summary>Units run before the timed ones and left out of the medians.</summary>
    public int WarmUp => Kind == BenchKind.Trials ? (Count >= 2 ? 1 : 0) : 1;

    /// <summary>Every unit the row runs, warm-up included (for progress bars).</summary>
    public int TotalUnits => Kind == BenchKind.Trials ? Count : Count + WarmUp;

    /// <summary>The full configuration as it runs, for the report.</summary>
    public object Configuration() => Kind switch
    {
        BenchKind.Trials => TrialSpec(),
        BenchKind.Restoration => Observation ?? throw Missing("an observation shape"),
        _ => new { Experiment = TrialSpec() with { Trials = 1 }, Inverter = "ig", Settings = InversionSettings() },
    };

    /// <summary>The experiment with <see cref="Count"/> trials.</summary>
    /// <exception cref="InvalidOperationException">The row has no experiment.</exception>
    public ExperimentSpec TrialSpec() => (Experiment ?? throw Missing("an experiment")) with { Trials = Count };

    /// <summary>The inverter's settings for one restart of <see cref="Count"/> + 1 iterations, a progress report per
    /// iteration (its clock) and no early stop.</summary>
    /// <exception cref="InvalidOperationException">The row has no inversion settings.</exception>
    public InversionSettings InversionSettings() => (Inversion ?? throw Missing("inversion settings")) with
    {
        Iterations = Count + WarmUp,
        Restarts = 1,
        ProgressEvery = 1,
        EarlyStopPatience = null,
    };

    private InvalidOperationException Missing(string what) =>
        new($"bench row {Name} ({Kind}) has no {what}");
}
