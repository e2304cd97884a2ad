using System.Collections.Immutable;

namespace ILrg.Restoration.Baselines;

/// <summary>Builds the class-wise result of a presence decision: count 1 for a present class, 0 otherwise.</summary>
internal static class ClassWiseSign
{
    public static LabelRestoration Result(string method, IReadOnlyList<bool> present)
    {
        var counts = present.Select(p => p ? 1 : 0).ToImmutableArray();
        return new LabelRestoration(method, counts, ImmutableArray<int>.Empty, null, IsInstanceWise: false);
    }
}
