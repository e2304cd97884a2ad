using System.Globalization;
using ILrg.Claims;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>The table of <c>sweep</c>: the paper's figure and band beside ILrg's per point.</summary>
internal static class SweepTable
{
    /// <summary>x | paper | paper 95% band | ILrg | ILrg 95% CI | flag.</summary>
    public static Table Of(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().AddColumns(result.Sweep.Parameter, "paper", "paper 95% band", "ILrg", "ILrg 95% CI", "flag");
        foreach (SweepRow r in result.Rows)
        {
            table.AddRow(
                r.X.ToString(CultureInfo.InvariantCulture), Format.F3(r.Paper), Format.Ci(r.PaperBand), Format.F3(r.Measured),
                Format.Ci(r.MeasuredCi), r.Flagged ? (r.Measured > r.Paper ? "above paper" : "below paper") : "");
        }

        return table;
    }
}
