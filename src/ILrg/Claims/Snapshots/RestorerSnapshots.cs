using System.Globalization;
using ILrg.Data;
using ILrg.Models;
using ILrg.Trials;

namespace ILrg.Claims.Snapshots;

/// <summary>
/// The golden matrix for solver changes: every registered restorer on the same updates of FCN-3 / real MNIST and
/// LeNet-5 / the CIFAR-100-shaped stand-in at N = 24 and 64, three trials each, seed 0 (a fresh model per trial). The
/// tests compare the snapshots with golden/restorers-NAME.json exactly; <c>ilrg golden diff</c> prints what moved.
/// </summary>
public static class RestorerSnapshots
{
    /// <summary>Trials per configuration.</summary>
    public const int Trials = 3;

    /// <summary>The configurations, by name.</summary>
    public static IReadOnlyList<(string Name, ExperimentSpec Spec)> Matrix { get; } =
    [
        ("fcn3-mnist-n24", Fcn3(24)), ("fcn3-mnist-n64", Fcn3(64)), ("lenet5-cifar100shaped-n24", LeNet(24)),
        ("lenet5-cifar100shaped-n64", LeNet(64)),
    ];

    /// <summary>The golden file name of configuration <paramref name="name"/> (without .json).</summary>
    public static string GoldenName(string name) => "restorers-" + name;

    /// <summary>Runs every registered restorer on the configuration's trials.</summary>
    public static RestorerSnapshot Take(string name, ExperimentSpec spec, IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ComparisonResult result = ComparisonRunner.Run(new ComparisonSpec(spec, "all"), dataset);
        return new RestorerSnapshot(name, [.. result.Trials.Select(t => new SnapshotTrial(
            t.Index, TrialFigures.Sparse(t.TrueCounts),
            [.. t.Methods.Select(m => new SnapshotMethod(
                m.Method, TrialFigures.Sparse(m.Counts), m.Scores.LeAcc, m.Scores.LnAcc, m.Scores.IRec))]))]);
    }

    /// <summary>
    /// What moved from <paramref name="golden"/> to <paramref name="now"/>: per restorer and trial, the classes whose
    /// count changed and how LeAcc, LnAcc and IRec moved; then per restorer the mean LnAcc before and after. Empty when
    /// nothing moved.
    /// </summary>
    public static IReadOnlyList<string> Diff(RestorerSnapshot golden, RestorerSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(now);
        var lines = new List<string>();
        if (golden.Trials.Count != now.Trials.Count)
        {
            return [$"{now.Name}: golden has {golden.Trials.Count} trials, now {now.Trials.Count}"];
        }

        foreach (var (g, n) in golden.Trials.Zip(now.Trials))
        {
            if (g.TrueCounts != n.TrueCounts)
            {
                lines.Add($"{now.Name} trial {n.Trial}: the batch changed (sampling or data): " +
                          $"{g.TrueCounts} → {n.TrueCounts}");
            }

            foreach (string method in g.Methods.Select(m => m.Method).Union(n.Methods.Select(m => m.Method)))
            {
                SnapshotMethod? a = g.Methods.FirstOrDefault(m => m.Method == method);
                SnapshotMethod? b = n.Methods.FirstOrDefault(m => m.Method == method);
                string? line = (a, b) switch
                {
                    (null, _) => $"{now.Name} trial {n.Trial} {method}: new restorer, counts {b!.Counts}",
                    (_, null) => $"{now.Name} trial {n.Trial} {method}: restorer gone (golden counts {a.Counts})",
                    _ when a.Counts == b.Counts => null,
                    _ => $"{now.Name} trial {n.Trial} {method}: {Changed(a.Counts, b.Counts)}; LeAcc {F(a.LeAcc)} → " +
                         $"{F(b.LeAcc)}, LnAcc {F(a.LnAcc)} → {F(b.LnAcc)}, IRec {F(a.IRec)} → {F(b.IRec)}",
                };
                if (line is not null)
                {
                    lines.Add(line);
                }
            }
        }

        foreach (string method in now.Trials.SelectMany(t => t.Methods).Select(m => m.Method).Distinct())
        {
            double? before = Mean(golden, method), after = Mean(now, method);
            if (before is { } x && after is { } y && x != y)
            {
                lines.Add($"{now.Name} {method}: mean LnAcc {F(x)} → {F(y)} over {now.Trials.Count} trials");
            }
        }

        return lines;
    }

    private static string Changed(string golden, string now)
    {
        Dictionary<int, int> a = Parse(golden), b = Parse(now);
        return "counts " + string.Join(", ", a.Keys.Union(b.Keys).Order()
            .Where(c => a.GetValueOrDefault(c) != b.GetValueOrDefault(c))
            .Select(c => $"class {c}: {a.GetValueOrDefault(c)} → {b.GetValueOrDefault(c)}"));
    }

    private static Dictionary<int, int> Parse(string sparse) => sparse
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':'))
        .ToDictionary(
            p => int.Parse(p[0], CultureInfo.InvariantCulture), p => int.Parse(p[1], CultureInfo.InvariantCulture));

    private static double? Mean(RestorerSnapshot s, string method)
    {
        var values = s.Trials.SelectMany(t => t.Methods).Where(m => m.Method == method).Select(m => m.LnAcc).ToList();
        return values.Count > 0 ? values.Average() : null;
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);

    private static ExperimentSpec Fcn3(int n) =>
        new(new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), n, Trials, 0);

    private static ExperimentSpec LeNet(int n) => new(
        new DatasetRequest("synthetic", Classes: 100, Shape: new ImageShape(3, 32, 32)), new ModelSpec("lenet5"), n,
        Trials, 0);
}
