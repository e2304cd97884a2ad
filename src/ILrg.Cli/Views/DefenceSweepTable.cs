using System.Globalization;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>The table of <c>sweep --kind defence</c>: per strength, each method's LeAcc / LnAcc / IRec, the update's
/// cosine to the undefended one, DP-SGD's ε and the utility targets' test accuracy.</summary>
internal static class DefenceSweepTable
{
    /// <summary>One row per strength.</summary>
    public static Table Of(DefenceSweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        DefenceSweepRow first = result.Rows[0];
        var table = new Table().AddColumn(Markup.Escape(result.Spec.Unit));
        foreach (var m in first.Methods)
        {
            table.AddColumns(Markup.Escape($"{m.Method} LeAcc"), Markup.Escape($"{m.Method} LnAcc"),
                Markup.Escape($"{m.Method} IRec"));
        }

        table.AddColumns("cosine", "ε (δ)");
        foreach (var u in first.Utility)
        {
            table.AddColumn(Markup.Escape($"{u.Target} acc."));
        }

        foreach (DefenceSweepRow r in result.Rows)
        {
            var cells = new List<string> { r.Value.ToString("G4", CultureInfo.InvariantCulture) };
            foreach (var m in r.Methods)
            {
                cells.AddRange([Format.Cell(m.Labels.LeAcc, m.Labels.LeAccCi), Format.Cell(m.Labels.LnAcc,
                    m.Labels.LnAccCi),
                    Format.Cell(m.Labels.IRec, m.Labels.IRecCi)]);
            }

            cells.Add(Format.Cell(r.Cosine, r.CosineCi));
            cells.Add(r.Privacy is { } p
                ? Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.Epsilon:G4} ({p.Delta:G2})"))
                : "—");
            cells.AddRange(r.Utility.Select(u => Format.F3(u.TestAccuracy)));
            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
