using System.Globalization;
using System.Net;
using System.Text;
using ILrg.Audit;

namespace ILrg.Reporting;

/// <summary>
/// The chart of an audit's HTML report as inline SVG: grouped bars of the restored count per class, one bar per
/// instance-wise method, for the classes any method finds present (every class when C ≤ 40), with axes, a legend and
/// the class labels. Plain SVG 1.1, no script, no external resource.
/// </summary>
public static class AuditCountsSvg
{
    /// <summary>The most classes drawn; beyond that the chart says how many were left out.</summary>
    public const int MaxClasses = 200;

    /// <summary>The bar colours, one per method in order (then repeating).</summary>
    public static IReadOnlyList<string> Palette { get; } =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
        "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    ];

    /// <summary>The classes a chart of <paramref name="methods"/> over <paramref name="classes"/> classes shows.
    /// </summary>
    public static IReadOnlyList<int> ShownClasses(IReadOnlyList<MethodAudit> methods, int classes)
    {
        ArgumentNullException.ThrowIfNull(methods);
        IEnumerable<int> all = Enumerable.Range(0, classes);
        IEnumerable<int> shown = classes <= 40 ? all : all.Where(c => methods.Any(m => m.Counts[c] > 0));
        return [.. shown.Take(MaxClasses)];
    }

    /// <summary>The SVG element (no XML prolog: it is meant to be inlined in HTML).</summary>
    public static string Render(IReadOnlyList<MethodAudit> methods, int classes)
    {
        ArgumentNullException.ThrowIfNull(methods);
        MethodAudit[] bars = [.. methods.Where(m => m.InstanceWise)];
        IReadOnlyList<int> shown = ShownClasses(bars, classes);
        int top = Math.Max(1, bars.SelectMany(m => shown.Select(c => m.Counts[c])).DefaultIfEmpty(1).Max());
        const int Left = 48, Right = 16, Top = 16, Plot = 220, Bar = 9, Gap = 12;
        int group = (Math.Max(1, bars.Length) * Bar) + Gap;
        int legendRows = (bars.Length + 3) / 4;
        int width = Math.Max(480, Left + Right + (shown.Count * group));
        int height = Top + Plot + 40 + (legendRows * 20) + 8;
        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" ");
        Append(svg, $"viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"restored count per class\">");
        Append(svg, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        int step = Math.Max(1, (int)Math.Ceiling(top / 5.0));
        for (int tick = 0; tick <= top; tick += step)
        {
            double y = Top + Plot - (Plot * tick / (double)top);
            Append(svg, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{width - Right}\" y2=\"{y:F1}\" stroke=\"#e0e0e0\"/>");
            Append(svg, $"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" font-size=\"11\" text-anchor=\"end\">{tick}</text>");
        }

        for (int g = 0; g < shown.Count; g++)
        {
            int x0 = Left + (g * group) + (Gap / 2);
            for (int m = 0; m < bars.Length; m++)
            {
                int count = bars[m].Counts[shown[g]];
                double h = Plot * count / (double)top;
                string name = WebUtility.HtmlEncode(bars[m].Method);
                Append(svg, $"<rect x=\"{x0 + (m * Bar)}\" y=\"{Top + Plot - h:F1}\" width=\"{Bar - 1}\" ");
                Append(svg, $"height=\"{h:F1}\" fill=\"{Palette[m % Palette.Count]}\">");
                Append(svg, $"<title>{name}, class {shown[g]}: {count}</title></rect>");
            }

            double cx = x0 + (bars.Length * Bar / 2.0);
            Append(svg, $"<text x=\"{cx:F1}\" y=\"{Top + Plot + 14}\" font-size=\"11\" text-anchor=\"middle\">");
            Append(svg, $"{shown[g]}</text>");
        }

        Append(svg, $"<line x1=\"{Left}\" y1=\"{Top + Plot}\" x2=\"{width - Right}\" y2=\"{Top + Plot}\" ");
        Append(svg, $"stroke=\"#333333\"/><text x=\"{Left}\" y=\"{Top + Plot + 30}\" font-size=\"11\">class</text>");
        for (int m = 0; m < bars.Length; m++)
        {
            int lx = Left + (m % 4 * 150);
            int ly = Top + Plot + 40 + (m / 4 * 20);
            Append(svg, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"12\" ");
            Append(svg, $"fill=\"{Palette[m % Palette.Count]}\"/>");
            Append(svg, $"<text x=\"{lx + 18}\" y=\"{ly + 11}\" font-size=\"12\">");
            svg.Append(WebUtility.HtmlEncode(bars[m].Method)).Append("</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Append(StringBuilder builder, FormattableString text) =>
        builder.Append(text.ToString(CultureInfo.InvariantCulture));
}
