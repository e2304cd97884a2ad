using System.Collections.Immutable;

namespace ILrg.Trials;

/// <summary>One trial of a comparison: the shared update's seeds and truth, and every method's result on it.</summary>
/// <param name="Index">Trial index.</param>
/// <param name="BatchSeed">Seed of the batch.</param>
/// <param name="ModelSeed">Seed of the model.</param>
/// <param name="TrueCounts">The truth.</param>
/// <param name="Methods">Every method's result.</param>
/// <param name="SoftCounts">Expected label mass per class under label smoothing or mixup (issue 11), else null.</param>
/// <param name="Privacy">DP-SGD's (ε, δ) for the client, else null.</param>
public sealed record ComparisonTrial(
    int Index, ulong BatchSeed, ulong ModelSeed, ImmutableArray<int> TrueCounts, IReadOnlyList<MethodTrial> Methods,
    ImmutableArray<double>? SoftCounts = null, Federated.PrivacySpent? Privacy = null);
