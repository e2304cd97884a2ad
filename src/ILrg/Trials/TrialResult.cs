using System.Collections.Immutable;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>One trial: the truth, what was restored, the scores, the solver's diagnostics and the timings.</summary>
/// <remarks><see cref="Solution"/> is the real-valued NoI solution before rounding (empty for methods without one), so
/// a report shows how close each wrong count was to the rounding boundary. <see cref="Flags"/> names the
/// <see cref="Restoration.RestorationWarnings"/> an auditor must see (e.g. sum-not-n, ill-conditioned).</remarks>
public sealed record TrialResult(
    int Index,
    ulong BatchSeed,
    ulong ModelSeed,
    ImmutableArray<int> TrueCounts,
    ImmutableArray<int> RestoredCounts,
    ImmutableArray<int> CorrectedCounts,
    ImmutableArray<double> Solution,
    TrialLabelScores Scores,
    int? Rank,
    double? ConditionNumber,
    double? RelativeGradientResidual,
    StageTimings Timings,
    IReadOnlyList<string> Flags);
