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
    public static SweepResult Run(PaperSweep sweep, Func<DatasetRequest, IImageDataset> open, Action<SweepRow>? onRow = null)
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
            LabelSummary s = ExperimentRunner.Run(p.Experiment, data).Summary;
            double measured = s.Metric(sweep.Metric);
            Interval band = PaperSweep.PaperBand(p.Paper, sweep.PaperTrials, data.Classes);
            Interval ci = s.IntervalOf(sweep.Metric) ?? new Interval(measured, measured);
            var row = new SweepRow(p.X, p.Paper, band, measured, ci, measured < band.Low || measured > band.High);
            rows.Add(row);
            onRow?.Invoke(row);
        }

        ulong seed = sweep.Points[0].Experiment.Seed;
        return new SweepResult(RunManifest.Create("ilrg sweep", seed, sweep, datasets.Values, started), sweep, rows);
    }
}
