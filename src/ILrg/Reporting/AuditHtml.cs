using System.Globalization;
using System.Net;
using System.Text;
using ILrg.Audit;

namespace ILrg.Reporting;

/// <summary>
/// The one-page HTML report of a label audit: the verdict, a chart of the counts per class per method (inline SVG),
/// the counts, the certificate, what was approximated, the inputs' SHA-256 and the run manifest. Self-contained: inline
/// CSS, no script, no external resource, so it opens anywhere and can be archived as one file.
/// </summary>
public static class AuditHtml
{
    private const string Style =
        "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222;max-width:1200px}" +
        "h1{font-size:22px;margin:0 0 8px}h2{font-size:16px;margin:22px 0 6px;border-bottom:1px solid #ddd}" +
        ".verdict{padding:10px 14px;border-radius:6px;font-size:16px;font-weight:bold}" +
        ".strong{background:#e3f4e1;border:1px solid #58a55c}.weak{background:#fdf0d8;border:1px solid #d9a13b}" +
        "table{border-collapse:collapse;font-size:12px;margin:4px 0}td,th{border:1px solid #ccc;padding:3px 6px;" +
        "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}.chart{overflow-x:auto}" +
        ".mono{font-family:'DejaVu Sans Mono',monospace;font-size:11px}.sw{display:inline-block;width:10px;" +
        "height:10px;margin-right:4px}.chosen{background:#e3f4e1}p.note{font-size:12px;color:#555}";

    /// <summary>The page.</summary>
    public static string Render(FileAuditResult audit, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(manifest);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>");
        page.Append("<title>ILrg label audit</title><style>").Append(Style).Append("</style></head><body>");
        page.Append("<h1>ILrg label audit</h1>");
        page.Append($"<div class=\"verdict {(audit.Strong ? "strong" : "weak")}\" id=\"verdict\">")
            .Append(E(audit.Verdict)).Append("</div>");
        Setting(page, audit);
        page.Append("<h2>Restored count per class</h2><div class=\"chart\">")
            .Append(AuditCountsSvg.Render(audit.Methods, audit.Classes)).Append("</div>");
        Counts(page, audit);
        Certificate(page, audit);
        Scan(page, audit.BatchSizeScan);
        page.Append("<h2>Approximations</h2>");
        List(page, audit.Approximations.Count == 0
            ? ["None: the update holds the gradients themselves (FedSGD)."]
            : audit.Approximations);
        Inputs(page, audit);
        Manifest(page, manifest);
        page.Append("</body></html>\n");
        return page.ToString();
    }

    private static void Setting(StringBuilder page, FileAuditResult a)
    {
        page.Append("<h2>What was audited</h2><table>");
        Row(page, "final layer", a.FinalLayer.Reason);
        Row(page, "batch size N", Invariant($"{a.BatchSize}") + (a.BatchSizeScan is null ? " (given)" : " (scanned)"));
        Row(page, "classes C", Invariant($"{a.Classes}"));
        Row(page, "update", a.Update.Derivation);
        Row(page, "model", a.Architecture is null
            ? "not loaded (no --arch): only methods that need nothing but the final layer ran"
            : $"{a.Architecture}, input {a.InputShape}");
        if (a.Skipped.Count > 0)
        {
            Row(page, "not run", string.Join("; ", a.Skipped.Select(s => $"{s.Method} ({s.Reason})")));
        }

        page.Append("</table>");
        if (a.Reasons.Count > 0)
        {
            page.Append("<p class=\"note\">Why inconclusive:</p>");
            List(page, a.Reasons);
        }
    }

    private static void Counts(StringBuilder page, FileAuditResult a)
    {
        IReadOnlyList<int> shown = AuditCountsSvg.ShownClasses(a.Methods, a.Classes);
        page.Append("<h2>Counts</h2><table id=\"counts\"><tr><th class=\"l\">method</th>");
        foreach (int c in shown)
        {
            page.Append(Invariant($"<th>{c}</th>"));
        }

        page.Append("<th>Σ</th></tr>");
        int colour = 0;
        foreach (MethodAudit m in a.Methods)
        {
            string swatch = m.InstanceWise
                ? $"<span class=\"sw\" style=\"background:{Colour(colour++)}\"></span>"
                : "";
            page.Append("<tr><td class=\"l\">").Append(swatch).Append(E(m.Method))
                .Append(m.InstanceWise ? "" : " (presence)").Append("</td>");
            foreach (int c in shown)
            {
                page.Append(Invariant($"<td>{m.Counts[c]}</td>"));
            }

            page.Append(Invariant($"<td>{m.Counts.Sum()}</td></tr>"));
        }

        MethodAudit primary = a.Methods[0];
        if (primary.Solution is { } x && primary.Certificate.BoundaryDistances is { } d)
        {
            page.Append("<tr><td class=\"l\">").Append(E(primary.Method)).Append(" real-valued solution</td>");
            page.Append(string.Concat(shown.Select(c => Invariant($"<td>{x[c]:F2}</td>")))).Append("<td></td></tr>");
            page.Append("<tr><td class=\"l\">confidence: distance to a rounding boundary (0–0.5)</td>");
            page.Append(string.Concat(shown.Select(c => Invariant($"<td>{d[c]:F2}</td>")))).Append("<td></td></tr>");
        }

        page.Append("</table>");
        if (shown.Count < a.Classes)
        {
            page.Append(Invariant($"<p class=\"note\">{shown.Count} of {a.Classes} classes shown: those any method "))
                .Append("restored as present (the JSON report has every class).</p>");
        }
    }

    private static void Certificate(StringBuilder page, FileAuditResult a)
    {
        SystemCertificate s = a.System;
        page.Append("<h2>Certificate (computed from the update alone)</h2><table id=\"certificate\"><tr>")
            .Append("<th class=\"l\">method</th><th>rank</th><th>condition</th><th>Σ counts</th>")
            .Append("<th>N·g_b residual</th><th>g_W residual</th><th>out of [0,N]</th><th>min boundary distance</th>")
            .Append("<th>agreement with ilrg</th></tr>");
        foreach (MethodAudit m in a.Methods)
        {
            AuditCertificate c = m.Certificate;
            page.Append("<tr><td class=\"l\">").Append(E(m.Method)).Append("</td>")
                .Append(Cell(c.Rank)).Append(Cell(c.ConditionNumber, "G3")).Append(Cell(c.CountSum))
                .Append(Cell(c.BiasResidual, "F3")).Append(Cell(c.WeightResidual, "F3"))
                .Append(Cell(c.OutOfRangeMass, "F3")).Append(Cell(c.MinBoundaryDistance, "F3"))
                .Append(Cell(c.AgreementWithPrimary, "P0")).Append("</tr>");
        }

        page.Append("</table><p class=\"note\">");
        page.Append(E(string.Create(CultureInfo.InvariantCulture,
            $"iLRG's system: rank {s.Rank} of {s.Unknowns} unknowns, condition number {s.ConditionNumber:G3}; " +
            $"softmax identities Σ g_b = 0 and Σ g_W = 0 hold to a relative defect of {s.BiasSumDefect:G3} and " +
            $"{s.WeightSumDefect:G3}. Methods agree on the counts of {a.Agreement.CountAgreement:P0} of the classes " +
            $"and on presence for {a.Agreement.PresenceAgreement:P0}. The verdict's thresholds were calibrated on " +
            $"simulated updates with known truth (docs/audit-calibration.md): 0 of 715 held-out strong certificates " +
            $"came with a wrong count.")));
        page.Append("</p>");
    }

    private static void Scan(StringBuilder page, BatchSizeScanSummary? scan)
    {
        if (scan is null)
        {
            return;
        }

        page.Append(Invariant($"<h2>Batch size scan {scan.Min}..{scan.Max}: most consistent N = "))
            .Append(Invariant($"{scan.MostConsistent}</h2><p class=\"note\">")).Append(E(scan.Reliability))
            .Append("</p><table id=\"scan\"><tr><th>N</th><th>strong</th><th>rounding error</th>")
            .Append("<th>min boundary distance</th><th>N·g_b residual</th><th>Σ counts</th></tr>");
        foreach (BatchSizeCandidate c in scan.Candidates)
        {
            page.Append(c.BatchSize == scan.MostConsistent ? "<tr class=\"chosen\">" : "<tr>")
                .Append(Invariant($"<td>{c.BatchSize}</td><td>{(c.Strong ? "yes" : "no")}</td>"))
                .Append(Invariant($"<td>{c.RoundingError:F3}</td><td>{c.MinBoundaryDistance:F3}</td>"))
                .Append(Invariant($"<td>{c.BiasResidual:F3}</td><td>{c.CountSum}</td></tr>"));
        }

        page.Append("</table>");
    }

    private static void Inputs(StringBuilder page, FileAuditResult a)
    {
        page.Append("<h2>Inputs</h2><table id=\"inputs\"><tr><th class=\"l\">role</th><th class=\"l\">file</th>")
            .Append("<th class=\"l\">format</th><th>bytes</th><th class=\"l\">SHA-256</th></tr>");
        foreach (AuditedFile f in a.Inputs)
        {
            page.Append("<tr><td class=\"l\">").Append(E(f.Role)).Append("</td><td class=\"l mono\">")
                .Append(E(f.Path)).Append("</td><td class=\"l\">").Append(E(f.Format))
                .Append(Invariant($"</td><td>{f.Bytes}</td><td class=\"l mono\">")).Append(E(f.Sha256 ?? "—"))
                .Append("</td></tr>");
        }

        page.Append("</table>");
    }

    private static void Manifest(StringBuilder page, RunManifest m)
    {
        page.Append("<h2>Run</h2><table id=\"manifest\">");
        Row(page, "tool", $"{m.Tool} {m.Version} (commit {m.GitCommit})");
        Row(page, "started (UTC)", m.StartedUtc.ToString("u", CultureInfo.InvariantCulture));
        Row(page, "seed", Invariant($"{m.Seed}"));
        Row(page, "libraries", string.Join(", ", m.Libraries.Select(kv => $"{kv.Key} {kv.Value}")));
        Row(page, "runtime", $"{m.Runtime}, {m.OperatingSystem}");
        page.Append("</table>");
    }

    private static void Row(StringBuilder page, string key, string value) =>
        page.Append("<tr><th class=\"l\">").Append(E(key)).Append("</th><td class=\"l\">").Append(E(value))
            .Append("</td></tr>");

    private static void List(StringBuilder page, IEnumerable<string> items)
    {
        page.Append("<ul>");
        foreach (string item in items)
        {
            page.Append("<li>").Append(E(item)).Append("</li>");
        }

        page.Append("</ul>");
    }

    private static string Cell(int? value) => value is { } v ? Invariant($"<td>{v}</td>") : "<td>—</td>";

    private static string Cell(double? value, string format) =>
        value is { } v ? $"<td>{v.ToString(format, CultureInfo.InvariantCulture)}</td>" : "<td>—</td>";

    private static string Colour(int index) => AuditCountsSvg.Palette[index % AuditCountsSvg.Palette.Count];

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
