using ILrg.Data;
using ILrg.Metrics;
using ILrg.Reporting;
using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>Measures a <see cref="PaperSweep"/> point by point and flags points outside the paper's band.</summary>
public static class SweepRunner
{
    /// <summary>Runs every point of <paramref name="sweep"/>.</summary>
    /// <param name="sweep">The curve.</param>
    /// <param name="open">Opens a dataset (called once per distinct request).</param>
    /// <param name="onRow">Called after each point.</param>
    /// <param name="cancellation">Checked between trials; the rows so far went to <paramref name="onRow"/>.</param>
    public static SweepResult Run(
        PaperSweep sweep, Func<DatasetRequest, IImageDataset> open, Action<SweepRow>? onRow = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(open);
        var started = DateTimeOffset.UtcNow;
        var datasets = new Dictionary<DatasetRequest, IImageDataset>();
        var rows = new List<SweepRow>();
        foreach (PaperSweep.Point p in sweep.Points)
        {
            IImageDataset data = datasets.TryGetValue(p.Experiment.Dataset, out var d)
                ? d
                : datasets[p.Experiment.Dataset] = open(p.Experiment.Dataset);
            LabelSummary s = ExperimentRunner.Run(p.Experiment, data, cancellation: cancellation).Summary;
            double measured = s.Metric(sweep.Metric);
            Interval band = PaperSweep.PaperBand(p.Paper, sweep.PaperTrials, data.Classes);
            Interval ci = s.IntervalOf(sweep.Metric) ?? new Interval(measured, measured);
            var row = new SweepRow(p.X, p.Paper, band, measured, ci, measured < band.Low || measured > band.High);
            rows.Add(row);
            onRow?.Invoke(row);
        }

        return Summarise(sweep, rows, datasets.Values, started);
    }

    /// <summary>The result of the points that ran (all of them, or those finished before an interruption).</summary>
    public static SweepResult Summarise(
        PaperSweep sweep, IReadOnlyList<SweepRow> rows, IEnumerable<IImageDataset> datasets, DateTimeOffset started,
        bool interrupted = false)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ulong seed = sweep.Points[0].Experiment.Seed;
        return new SweepResult(
            RunManifest.Create("ilrg sweep", seed, sweep, datasets, started), sweep, rows, interrupted);
    }
}
