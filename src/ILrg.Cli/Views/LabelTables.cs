using ILrg.Metrics;
using ILrg.Reporting;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>Tables of label-restoration results (<c>run</c>, <c>compare</c>).</summary>
internal static class LabelTables
{
    /// <summary>One line per trial of <c>run</c>.</summary>
    public static string TrialLine(TrialResult t, int trials) =>
        $"trial {t.Index + 1}/{trials}: true {Format.Sparse(t.TrueCounts)} restored {Format.Sparse(t.RestoredCounts)} " +
        $"LeAcc {Format.F3(t.Scores.LeAcc)} LnAcc {Format.F3(t.Scores.LnAcc)} IRec {Format.F3(t.Scores.IRec)} " +
        $"({t.Timings.TotalMs:F0} ms)" + (t.Flags.Count > 0 ? $" WARNING: {string.Join(", ", t.Flags)}" : "");

    /// <summary>"sum-not-n ×3, ill-conditioned ×1" over the trials' warnings ("" when none).</summary>
    public static string WarningCounts(IEnumerable<IReadOnlyList<string>> flags) => string.Join(", ",
        flags.SelectMany(f => f).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));

    /// <summary>The summary of <c>run</c>, with the warnings the trials raised.</summary>
    public static Table Summary(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        LabelSummary s = result.Summary;
        var table = new Table().AddColumns("metric", "mean", "95% CI");
        table.AddRow("LeAcc", Format.F3(s.LeAcc), Format.Ci(s.LeAccCi));
        table.AddRow("LnAcc", Format.F3(s.LnAcc), Format.Ci(s.LnAccCi));
        table.AddRow("IRec", Format.F3(s.IRec), Format.Ci(s.IRecCi));
        table.AddRow("exact-batch rate", Format.F3(s.ExactBatchRate), Format.Ci(s.ExactBatchRateCi));
        table.AddRow("count MAE", Format.F3(s.CountMae), "");
        table.AddRow("LnAcc (present classes)", Format.F3(s.PresentLnAcc), "");
        string warnings = WarningCounts(result.Trials.Select(t => t.Flags));
        table.AddRow("warnings (trials)", Markup.Escape(warnings.Length > 0 ? warnings : "none"), "");
        return table;
    }

    /// <summary>The comparison: one row per method.</summary>
    public static Table Comparison(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        bool soft = result.Summaries.Any(m => m.SoftCountMae is not null);
        var table = new Table().AddColumns("method", "kind", "LeAcc", "LnAcc", "IRec", "exact-batch", "count MAE", "ms");
        if (soft)
        {
            table.AddColumn("soft-count MAE");
        }

        table.AddColumn("knows (threat model)");
        table.AddColumn("warnings (trials)");
        foreach (MethodSummary m in result.Summaries)
        {
            LabelSummary s = m.Labels;
            var cells = new List<string>
            {
                Markup.Escape(m.Method), Markup.Escape(ComparisonMarkdown.Kind(m)), Format.Cell(s.LeAcc, s.LeAccCi),
                Format.Cell(s.LnAcc, s.LnAccCi), Format.Cell(s.IRec, s.IRecCi),
                Format.Cell(s.ExactBatchRate, s.ExactBatchRateCi), Format.Cell(s.CountMae, m.CountMaeCi),
                m.MeanRestoreMs.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (soft)
            {
                cells.Add(m.SoftCountMae is { } v ? Format.Cell(v, m.SoftCountMaeCi!) : "");
            }

            cells.Add(Markup.Escape(ComparisonMarkdown.Knowledge(result, m)));
            cells.Add(Markup.Escape(
                WarningCounts(result.Trials.Select(t => t.Methods.First(x => x.Method == m.Method).Flags))));
            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
