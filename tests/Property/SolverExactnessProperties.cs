using FsCheck;
using FsCheck.Fluent;
using ILrg.Numerics;
using ILrg.Restoration;
using ILrg.Testing;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Property;

/// <summary>SPEC §2 "Exactness" (a): given the TRUE class-average probability vectors the linear system is exact, so
/// the pinv solve and post-processing return the true counts whenever A has full column rank.</summary>
[NUnit.Framework.TestFixture]
public sealed class SolverExactnessProperties
{
    /// <summary>One case: C classes, counts summing to N, and a random row-stochastic P (row j = P_j).</summary>
    public sealed record Case(int Classes, int N, int[] Counts, double[] Probabilities)
    {
        public override string ToString() => $"C={Classes}, N={N}, counts=[{string.Join(",", Counts)}]";
    }

    private static Gen<Case> Cases() =>
        from c in Gen.Choose(2, 100)
        from n in Gen.Choose(1, 512)
        from counts in Generators.Counts(c, n)
        from seed in Generators.Seed()
        from spread in Gen.Elements(0.1, 1.0, 3.0)
        select new Case(c, n, counts, RandomProbabilities(c, seed, spread));

    private static double[] RandomProbabilities(int c, ulong seed, double spread)
    {
        var rng = new DeterministicRandom(seed);
        var p = new double[c * c];
        for (int j = 0; j < c; j++)
        {
            double[] row = ObservationBuilder.Softmax(ObservationBuilder.Uniform(rng, c, spread));
            row.CopyTo(p, j * c);
        }

        return p;
    }

    /// <summary>Solves [1ᵀ; Pᵀ − I] k = [N; N·g_b] with N·g_b[i] = Σ_j k_j P_j[i] − k_i, the way iLRG does.</summary>
    internal static (int[] Res, int Rank) SolveWithTrueProbabilities(Case x)
    {
        using var scope = NewDisposeScope();
        int c = x.Classes;
        Tensor p = tensor(x.Probabilities, float64).reshape(c, c);
        Tensor k = tensor(x.Counts.Select(v => (double)v).ToArray(), float64);
        Tensor gradientRows = p.t() - eye(c, dtype: float64);
        Tensor nGb = gradientRows.matmul(k);
        Tensor a = cat([ones(1, c, dtype: float64), gradientRows], 0);
        Tensor y = cat([tensor(new double[] { x.N }, float64), nGb], 0);
        NoISolution s = PseudoinverseSolver.Solve(a, y);
        return (CountPostProcessing.Res(s.Values, x.N).ToArray(), s.Rank);
    }

    [FsCheck.NUnit.Property(MaxTest = 150)]
    public FsCheck.Property Solve_TrueProbabilities_GivesTrueCounts() =>
        Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            var (res, rank) = SolveWithTrueProbabilities(x);
            return (rank == x.Classes).Label($"full column rank (rank {rank} of {x.Classes})")
                .And(res.SequenceEqual(x.Counts).Label($"true counts (got [{string.Join(",", res)}])"));
        });
}
