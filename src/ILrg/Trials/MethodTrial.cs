using System.Collections.Immutable;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>One method's result on one trial, with the <see cref="Restoration.RestorationWarnings"/> it raised.</summary>
/// <param name="Method">Registered name.</param>
/// <param name="Counts">Restored counts.</param>
/// <param name="Scores">Scores against the true counts.</param>
/// <param name="RestoreMs">Wall time of the restoration.</param>
/// <param name="Flags">The warnings the restoration raised.</param>
/// <param name="SoftCountMae">Mean absolute error against the expected soft counts, when the client's loss was label
/// smoothing or mixup (issue 11).</param>
public sealed record MethodTrial(
    string Method, ImmutableArray<int> Counts, TrialLabelScores Scores, double RestoreMs, IReadOnlyList<string> Flags,
    double? SoftCountMae = null);
