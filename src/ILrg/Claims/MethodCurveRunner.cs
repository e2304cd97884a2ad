using ILrg.Data;
using ILrg.Reporting;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>
/// Measures a <see cref="PaperSweep"/> (FCN depth or batch size on MNIST) for several methods, each point a
/// comparison on identical updates (<see cref="ComparisonRunner"/>): iLRG+ beside iLRG and the paper (issue 12).
/// </summary>
public static class MethodCurveRunner
{
    /// <summary>Runs every point of <paramref name="sweep"/> for <paramref name="methods"/>.</summary>
    /// <param name="sweep">The curve.</param>
    /// <param name="methods">Registered method names, comma-separated.</param>
    /// <param name="open">Opens a dataset (called once per distinct request).</param>
    /// <param name="onRow">Called after each point.</param>
    /// <exception cref="ArgumentException">An unknown method.</exception>
    public static MethodCurveResult Run(
        PaperSweep sweep, string methods, Func<DatasetRequest, IImageDataset> open,
        Action<MethodCurveRow>? onRow = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(open);
        _ = Restoration.Registry.RestorerRegistry.Select(methods); // fail fast on a bad name
        var started = DateTimeOffset.UtcNow;
        var datasets = new Dictionary<DatasetRequest, IImageDataset>();
        var rows = new List<MethodCurveRow>();
        foreach (PaperClaim p in sweep.Points)
        {
            IImageDataset data = datasets.TryGetValue(p.Experiment.Dataset, out var d)
                ? d
                : datasets[p.Experiment.Dataset] = open(p.Experiment.Dataset);
            ComparisonResult comparison = ComparisonRunner.Run(new ComparisonSpec(p.Experiment, methods), data);
            double paper = p.Checks.First(c => c.Method == "ilrg" && c.Metric == sweep.Metric).Paper ?? double.NaN;
            var row = new MethodCurveRow(p.X ?? double.NaN, paper, comparison.Summaries);
            rows.Add(row);
            onRow?.Invoke(row);
        }

        ulong seed = sweep.Points[0].Experiment.Seed;
        return new MethodCurveResult(
            RunManifest.Create("ilrg curves", seed, sweep, datasets.Values, started), sweep, methods, rows);
    }
}
