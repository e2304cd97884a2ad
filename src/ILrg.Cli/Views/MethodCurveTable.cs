using System.Globalization;
using ILrg.Claims;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>The table of <c>curves</c>: per point the paper's iLRG figure and each method's figure with its 95%
/// CI.</summary>
internal static class MethodCurveTable
{
    /// <summary>x | paper (iLRG) | one column per method.</summary>
    public static Table Of(MethodCurveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().AddColumns(result.Sweep.Parameter, "paper (iLRG)");
        foreach (var m in result.Rows[0].Methods)
        {
            table.AddColumn(Markup.Escape($"{m.Method} {result.Sweep.Metric} [95% CI]"));
        }

        foreach (MethodCurveRow r in result.Rows)
        {
            var cells = new List<string> { r.X.ToString(CultureInfo.InvariantCulture), Format.F3(r.Paper) };
            cells.AddRange(r.Methods.Select(m => Format.Cell(
                m.Labels.Metric(result.Sweep.Metric), m.Labels.IntervalOf(result.Sweep.Metric)!)));
            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
