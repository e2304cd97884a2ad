using System.Globalization;
using ILrg.Claims;
using ILrg.Metrics;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>The verdict table of <c>reproduce</c> and <c>merge</c>: one row per judged figure.</summary>
internal static class ClaimTable
{
    /// <summary>claim | method | metric | paper | K×T | ILrg mean ± sd | run means | 95% PI of a run | verdict;
    /// synthetic stand-ins are marked.</summary>
    public static Table Of(IEnumerable<ClaimOutcome> outcomes)
    {
        var table = new Table().AddColumns(
            "claim", "method", "metric", "paper", "K×T", "ILrg mean ± sd", "run means", "95% PI (one run)", "verdict");
        foreach (ClaimOutcome o in outcomes)
        {
            string name = o.Synthetic ? $"{o.Id} (synthetic)" : o.Id;
            foreach (CheckOutcome c in o.Checks)
            {
                RunSpread? s = c.Spread;
                table.AddRow(
                    Markup.Escape(name), Markup.Escape(c.Method ?? "—"), c.Metric,
                    c.Paper?.ToString("F3", CultureInfo.InvariantCulture) ?? "—",
                    s is null ? "1" : $"{s.Runs}×{s.TrialsPerRun}",
                    s is null ? Format.F3(c.Measured) : $"{Format.F3(s.Mean)} ± {Format.F3(s.StandardDeviation)}",
                    s is null ? "" : Format.Ci(new Interval(s.Min, s.Max)),
                    s is null || c.Paper is null
                        ? Markup.Escape(c.Gate)
                        : Format.Ci(s.Prediction) + (s.Method == "t" ? " t" : " o"),
                    Markup.Escape(Verdict(c)));
            }
        }

        return table;
    }

    /// <summary>The verdict cell: "consistent", "above paper", "below paper: FAIL", "(not gated) …", "below paper: NOT
    /// reproduced (known)".</summary>
    public static string Verdict(CheckOutcome c) => c switch
    {
        { Gated: false } => $"(not gated) {c.Verdict}",
        { KnownDiscrepancy: not null, Passed: true } => $"{c.Verdict}: NOT reproduced (known)",
        { KnownDiscrepancy: not null } => $"{c.Verdict}: FAIL (the known discrepancy changed)",
        { Passed: true } => c.Verdict,
        _ => $"{c.Verdict}: FAIL",
    };

    /// <summary>The closing lines: how many claims reproduced, which are known discrepancies, how many
    /// failed.</summary>
    public static IEnumerable<string> Summary(IReadOnlyList<ClaimOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int reproduced = outcomes.Count(o => o.Reproduced), failed = outcomes.Count(o => !o.Passed);
        yield return $"{reproduced} of {outcomes.Count} claims reproduced; {failed} failed.";
        foreach (ClaimOutcome o in outcomes)
        {
            foreach (CheckOutcome c in o.Checks.Where(c => c.Gated && c.KnownDiscrepancy is not null && c.Passed))
            {
                yield return $"Known discrepancy, NOT reproduced: {o.Id} {c.Method}:{c.Metric} {c.Verdict} " +
                             $"({c.KnownDiscrepancy})";
            }
        }
    }

    /// <summary>The plans of <c>reproduce --list</c>: id | suite | K×T | units | estimated CPU time | checks.</summary>
    public static Table Plans(IEnumerable<ClaimPlan> plans)
    {
        var table = new Table().AddColumns("claim", "suite", "data", "K×T", "units", "est. CPU", "checks");
        foreach (ClaimPlan p in plans)
        {
            table.AddRow(
                Markup.Escape(p.Id), p.Suite, Markup.Escape(p.Dataset),
                $"{p.Runs}×{p.TrialsPerRun}", Format.I(p.Units), Duration(p.EstimatedCpuSeconds),
                Markup.Escape(string.Join(", ", p.Checks.Select(c => c.Key))));
        }

        return table;
    }

    /// <summary>Seconds as "42 s", "12 min" or "3.5 h".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h"),
    };
}
