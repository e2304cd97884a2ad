using System.Globalization;
using ILrg.Claims;
using ILrg.Metrics;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>The table of <c>sweep</c>: per point the paper's figure beside ILrg's runs and their prediction
/// interval.</summary>
internal static class SweepTable
{
    /// <summary>x | paper | K×T | ILrg mean ± sd | run means | 95% PI (one run) | verdict.</summary>
    public static Table Of(ClaimReport report, string parameter)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().AddColumns(
            parameter, "paper", "K×T", "ILrg mean ± sd", "run means", "95% PI (one run)", "verdict");
        foreach (var (plan, outcome) in report.Plans.Zip(report.Claims ?? []))
        {
            CheckOutcome c = outcome.Checks[0];
            RunSpread s = c.Spread!;
            table.AddRow(
                (plan.X ?? double.NaN).ToString(CultureInfo.InvariantCulture), Format.F3(c.Paper ?? double.NaN),
                $"{s.Runs}×{s.TrialsPerRun}", $"{Format.F3(s.Mean)} ± {Format.F3(s.StandardDeviation)}",
                Format.Ci(new Interval(s.Min, s.Max)), Format.Ci(s.Prediction), Markup.Escape(c.Verdict));
        }

        return table;
    }
}
