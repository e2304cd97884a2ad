using ILrg.Metrics;
using ILrg.Reporting;
using ILrg.Reporting.Plots;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>The table and plot of a training trend.</summary>
internal static class TrendViews
{
    /// <summary>Paper: trained FCN-3 on MNIST, N=8, after 1000 iterations: LeAcc / LnAcc / IRec (SPEC.md §9).</summary>
    private static readonly (string Metric, double Value)[] PaperFcn3Mnist1000 =
        [("LeAcc", 0.645), ("LnAcc", 0.485), ("IRec", 0.450)];

    /// <summary>One row per attacked checkpoint.</summary>
    public static Table Table(IEnumerable<TrendPoint> points)
    {
        var table = new Table().AddColumns("iteration", "train loss", "train acc", "LeAcc", "LnAcc", "IRec",
            "exact-batch");
        foreach (TrendPoint p in points)
        {
            LabelSummary s = p.Attack!;
            table.AddRow(Format.I(p.Iteration), Format.F3(p.TrainLoss), Format.F3(p.TrainAccuracy),
                Format.F3(s.LeAcc), Format.F3(s.LnAcc), Format.F3(s.IRec), Format.F3(s.ExactBatchRate));
        }

        return table;
    }

    /// <summary>LeAcc, LnAcc and IRec against training iterations, with the paper's 1000-iteration point where it has
    /// one.</summary>
    public static void Plot(string path, TrendResult result)
    {
        var points = result.Points;
        double[] xs = points.Select(p => (double)p.Iteration).ToArray();
        CurvePlot.Series Curve(string name, Func<LabelSummary, double> mean, Func<LabelSummary, Interval> ci) => new(
            name, xs, points.Select(p => mean(p.Attack!)).ToArray(), points.Select(p => ci(p.Attack!).Low).ToArray(),
            points.Select(p => ci(p.Attack!).High).ToArray());
        var spec = result.Spec;
        DatasetInfo data = result.Manifest.Datasets[^1];
        int n = spec.AttackBatchSize ?? 0;
        bool paperSetting = spec.Model.Name == "fcn" && spec.Model.HiddenLayers == 1 && data.Name == "mnist" && n == 8;
        var paper = paperSetting
            ? PaperFcn3Mnist1000.Select(p => new CurvePlot.Series($"paper {p.Metric} (1000 it.)", [1000.0],
                [p.Value])).ToList()
            : [];
        CurvePlot.Save(
            path, $"iLRG on trained {spec.Model.Name}, {data.Name}{(data.Synthetic ? " [synthetic]" : "")}, N={n}",
            "training iterations", "score (mean over trials, 95% CI)",
            [Curve("LeAcc", s => s.LeAcc, s => s.LeAccCi), Curve("LnAcc", s => s.LnAcc, s => s.LnAccCi),
                Curve("IRec", s => s.IRec, s => s.IRecCi)],
            paper);
    }
}
