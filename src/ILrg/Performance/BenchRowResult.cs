namespace ILrg.Performance;

/// <summary>One measured row of <c>ilrg bench</c>.</summary>
/// <param name="Name">The row's stable name.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Kind">Trials, the restoration alone, or inversion iterations.</param>
/// <param name="Configuration">The full configuration it ran.</param>
/// <param name="Units">"trials", "restorations" or "iterations".</param>
/// <param name="Measured">Timed units (the warm-up left out).</param>
/// <param name="WarmUp">Units run first and left out of every median.</param>
/// <param name="MedianMs">Median wall time of one timed unit: the per-trial total, one restoration, one iteration.
/// This is the figure a baseline comparison compares.</param>
/// <param name="MinMs">The fastest timed unit.</param>
/// <param name="MaxMs">The slowest timed unit.</param>
/// <param name="MaxOverMedian">max / median of the timed units.</param>
/// <param name="StageMediansMs">Per-stage medians over the timed units (trial rows: sample, model, client, restore,
/// metrics, total; restoration rows: restore; inversion rows: iteration, and prepare, the one-off update and
/// restoration before the first iteration).</param>
/// <param name="RawMs">Every timed unit's wall time, in order.</param>
/// <param name="WarmUpMs">The warm-up units' wall times.</param>
/// <param name="Memory">RSS before the row and its peak during it.</param>
/// <param name="ReferenceMs">The reference code's time for one unit (<see cref="ReferenceTimings"/>), if any.</param>
/// <param name="Speedup">reference / median: how many times faster than the reference; null without one.</param>
/// <param name="Target">The target, as text ("—" for none).</param>
/// <param name="TargetMet">Whether it was met; null without a target.</param>
/// <param name="WallSeconds">Wall time of the whole row, set-up included.</param>
/// <param name="LoadAverage">The machine's 1-minute load average when the row ended (<see cref="MachineLoad"/>): above
/// the core count, other work shared the cores and the figures are slower and noisier than the code.</param>
public sealed record BenchRowResult(
    string Name,
    string Description,
    BenchKind Kind,
    object Configuration,
    string Units,
    int Measured,
    int WarmUp,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double MaxOverMedian,
    IReadOnlyDictionary<string, double> StageMediansMs,
    IReadOnlyList<double> RawMs,
    IReadOnlyList<double> WarmUpMs,
    MemoryReading Memory,
    double? ReferenceMs,
    double? Speedup,
    string Target,
    bool? TargetMet,
    double WallSeconds,
    double? LoadAverage);
