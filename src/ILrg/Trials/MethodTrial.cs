using System.Collections.Immutable;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>One method's result on one trial, with the <see cref="Restoration.RestorationWarnings"/> it raised.</summary>
public sealed record MethodTrial(
    string Method, ImmutableArray<int> Counts, TrialLabelScores Scores, double RestoreMs, IReadOnlyList<string> Flags);
