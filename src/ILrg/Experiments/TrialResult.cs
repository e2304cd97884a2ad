using System.Collections.Immutable;
using ILrg.Metrics;

namespace ILrg.Experiments;

/// <summary>One trial: the truth, what was restored, the scores, the solver's diagnostics and the timings.</summary>
public sealed record TrialResult(
    int Index,
    ulong BatchSeed,
    ulong ModelSeed,
    ImmutableArray<int> TrueCounts,
    ImmutableArray<int> RestoredCounts,
    ImmutableArray<int> CorrectedCounts,
    TrialLabelScores Scores,
    int? Rank,
    double? ConditionNumber,
    double? RelativeGradientResidual,
    StageTimings Timings);
