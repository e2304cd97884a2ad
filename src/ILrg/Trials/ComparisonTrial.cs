using System.Collections.Immutable;

namespace ILrg.Trials;

/// <summary>One trial of a comparison: the shared update's seeds and truth, and every method's result on it.</summary>
public sealed record ComparisonTrial(
    int Index, ulong BatchSeed, ulong ModelSeed, ImmutableArray<int> TrueCounts, IReadOnlyList<MethodTrial> Methods);
