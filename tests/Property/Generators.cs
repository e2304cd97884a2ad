using FsCheck;
using FsCheck.Fluent;

namespace ILrg.Tests.Property;

/// <summary>Small sized generators for the properties (counts, probability matrices, seeds).</summary>
internal static class Generators
{
    /// <summary>Counts for C classes summing to N: N balls thrown into C bins (some bins stay empty).</summary>
    public static Gen<int[]> Counts(int classes, int n) =>
        Gen.ArrayOf(Gen.Choose(0, classes - 1), n).Select(labels =>
        {
            var counts = new int[classes];
            foreach (int l in labels)
            {
                counts[l]++;
            }

            return counts;
        });

    /// <summary>A seed for the library's deterministic streams.</summary>
    public static Gen<ulong> Seed() => Gen.Choose(0, int.MaxValue).Select(v => (ulong)v);
}
