using System.Globalization;
using ILrg.Claims;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>The verdict table of <c>reproduce</c>: one row per gated figure.</summary>
internal static class ClaimTable
{
    /// <summary>claim | metric | paper | gate | measured | verdict; synthetic stand-ins are marked.</summary>
    public static Table Of(IEnumerable<ClaimOutcome> outcomes)
    {
        var table = new Table().AddColumns("claim", "metric", "paper", "gate", "measured", "verdict");
        foreach (ClaimOutcome o in outcomes)
        {
            string name = o.Synthetic ? $"{o.Id} (synthetic)" : o.Id;
            foreach (CheckOutcome c in o.Checks)
            {
                table.AddRow(
                    Markup.Escape(name), c.Metric, c.Paper?.ToString("F3", CultureInfo.InvariantCulture) ?? "—",
                    Markup.Escape(c.Gate), Format.F3(c.Measured), c.Passed ? "pass" : "FAIL");
            }
        }

        return table;
    }
}
