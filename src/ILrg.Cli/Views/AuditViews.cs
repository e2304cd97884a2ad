using System.Globalization;
using ILrg.Audit;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>What <c>ilrg audit</c> prints: the verdict line, the setting, a table of the methods' counts and
/// certificates, and the batch-size scan.</summary>
internal static class AuditViews
{
    /// <summary>The lines before the table: the verdict first, then how the answer was reached.</summary>
    public static IEnumerable<string> Lines(FileAuditResult a)
    {
        ArgumentNullException.ThrowIfNull(a);
        yield return "verdict: " + a.Verdict;
        yield return a.FinalLayer.Reason;
        yield return a.Update.Derivation;
        yield return a.Architecture is null
            ? "model: not loaded (give --arch to run the methods that need forward passes)"
            : $"model: {a.Architecture}, input {a.InputShape}";
        foreach (AuditedFile f in a.Inputs)
        {
            yield return $"input {f.Role}: {f.Path} ({f.Format}, sha256 {f.Sha256 ?? "—"})";
        }

        foreach (SkippedMethod s in a.Skipped)
        {
            yield return $"not run: {s.Method} {s.Reason}";
        }
    }

    /// <summary>One row per method: counts (class:count), Σ, residuals, confidence, agreement.</summary>
    public static Table Methods(FileAuditResult a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var table = new Table().AddColumns(
            "method", "counts (class:count)", "Σ", "N·g_b residual", "g_W residual", "min boundary distance",
            "agreement with ilrg");
        foreach (MethodAudit m in a.Methods)
        {
            AuditCertificate c = m.Certificate;
            table.AddRow(
                Markup.Escape(m.Method + (m.InstanceWise ? "" : " (presence)")), Markup.Escape(Format.Sparse(m.Counts)),
                Format.I(m.Counts.Sum()), F(c.BiasResidual), F(c.WeightResidual),
                c.MinBoundaryDistance is { } d ? Markup.Escape($"{F(d)} (class {c.WeakestClass})") : "—",
                c.AgreementWithPrimary.ToString("P0", CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <summary>The scan over N, with the chosen N marked.</summary>
    public static Table Scan(BatchSizeScanSummary scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var table = new Table().AddColumns("N", "strong", "rounding error", "min boundary distance", "Σ counts");
        foreach (BatchSizeCandidate c in scan.Candidates)
        {
            string n = Format.I(c.BatchSize) + (c.BatchSize == scan.MostConsistent ? " ◀ most consistent" : "");
            table.AddRow(
                n, c.Strong ? "yes" : "no", F(c.RoundingError), F(c.MinBoundaryDistance), Format.I(c.CountSum));
        }

        return table;
    }

    private static string F(double? v) => v is { } x ? Format.F3(x) : "—";
}
