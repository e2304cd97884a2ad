using System.Globalization;
using ILrg.Performance;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>What <c>bench</c> prints: the row list, a line per finished row, the table and the baseline
/// comparison.</summary>
internal static class BenchViews
{
    private static readonly string[] Stages = ["sample", "model", "client", "restore", "metrics"];

    /// <summary>The rows with their counts, targets and what each measures (<c>--list</c>).</summary>
    public static Table List(IReadOnlyList<BenchRow> rows)
    {
        var table = new Table().AddColumns("row", "timed units", "with --quick", "reference ms", "target", "measures");
        foreach (BenchRow r in rows)
        {
            table.AddRow(r.Name, Planned(r), r.QuickCount is { } q ? Planned(r with { Count = q }) : "—",
                Ms(r.ReferenceMs), Markup.Escape(r.Target.ToString()), Markup.Escape(r.Description));
        }

        return table;
    }

    /// <summary>The line that opens a run.</summary>
    public static string Header(IReadOnlyList<BenchRow> rows, BenchConfiguration configuration, int threads) =>
        $"bench: {rows.Count} row(s){(configuration.Quick ? " (quick)" : "")}, libtorch threads {threads}; " +
        "medians leave out the warm-up units; the reference is the paper's PyTorch code on this machine";

    /// <summary>One finished row.</summary>
    public static string RowLine(BenchRowResult r) =>
        $"{r.Name}: {Ms(r.MedianMs)} ms per {Unit(r.Units)} (median of {r.Measured}; min {Ms(r.MinMs)}, max " +
        $"{Ms(r.MaxMs)}" + (r.WarmUpMs.Count > 0 ? $"; warm-up {Ms(r.WarmUpMs[0])}" : "") +
        $"), peak RSS {MiB(r.Memory.PeakRssMiB)} MiB" +
        (r.Speedup is { } s ? $", {Times(s)} faster than the reference ({Ms(r.ReferenceMs)} ms)" : "") +
        (r.TargetMet is { } met ? $", target {r.Target}: {(met ? "met" : "NOT met")}" : "") +
        (r.LoadAverage is { } load ? $", load average {F2(load)} on {Environment.ProcessorCount} cores" : "") +
        (r.Memory.Note is { } note ? $" ({note})" : "");

    /// <summary>row | timed | median | per-stage medians | max/median | peak RSS | reference | × faster | target |
    /// met.</summary>
    public static Table Table(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string title =
            $"ilrg bench, libtorch threads {report.TorchThreads}, times in ms (median over the timed units)";
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        table.AddColumns(["row", "timed", "median", .. Stages, "max/median", "peak RSS MiB", "reference",
            "× faster", "target", "met"]);
        foreach (BenchRowResult r in report.Rows)
        {
            table.AddRow([r.Name, Units(r.Measured, r.Units, r.WarmUp), Ms(r.MedianMs),
                .. Stages.Select(s => Ms(r.StageMediansMs.TryGetValue(s, out double v) ? v : null)),
                F2(r.MaxOverMedian), MiB(r.Memory.PeakRssMiB), Ms(r.ReferenceMs),
                r.Speedup is { } x ? Times(x) : "—", Markup.Escape(r.Target),
                r.TargetMet is { } met ? (met ? "yes" : "no") : "—"]);
        }

        return table;
    }

    /// <summary>A warning when, during a row, the machine's load average exceeded this run's own libtorch threads by
    /// a whole process or more (other work shared the cores); null otherwise.</summary>
    public static string? LoadWarning(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Rows.Max(r => r.LoadAverage) is { } peak && peak - report.TorchThreads >= 1
            ? $"warning: the load average reached {F2(peak)} on {Environment.ProcessorCount} cores, of which " +
              $"this run's {report.TorchThreads} libtorch thread(s) account for at most {report.TorchThreads}: " +
              "other work shared the cores, so these times are slower and noisier than the code"
            : null;
    }

    /// <summary>new/old per row, the rows on one side only, and a warning when the thread counts differ.</summary>
    public static void Baseline(IAnsiConsole console, BaselineComparison comparison, int threads)
    {
        string title = $"against {comparison.Path} (slower when new/old > {F2(comparison.Tolerance)})";
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        table.AddColumns("row", "old ms", "new ms", "new/old", "verdict");
        foreach (BaselineRow r in comparison.Rows)
        {
            table.AddRow(r.Name, Ms(r.OldMs), Ms(r.NewMs), F2(r.Ratio), r.Slower ? "SLOWER" : "ok");
        }

        console.Write(table);
        foreach (var (what, names) in new[] { ("only in this run", comparison.OnlyHere),
                     ("only in the baseline", comparison.OnlyInBaseline) }.Where(p => p.Item2.Count > 0))
        {
            console.WriteLine($"{what} (not compared): {string.Join(", ", names)}");
        }

        if (comparison.BaselineThreads is { } old && old != threads)
        {
            console.WriteLine($"warning: the baseline ran with {old} libtorch threads, this run with {threads}");
        }

        int slower = comparison.Rows.Count(r => r.Slower);
        console.WriteLine(slower == 0 ? $"no row slower than {F2(comparison.Tolerance)}× the baseline"
            : $"{slower} row(s) slower than {F2(comparison.Tolerance)}× the baseline");
    }

    private static string Planned(BenchRow r) => Units(r.TotalUnits - r.WarmUp, r.Units, r.WarmUp);

    private static string Units(int timed, string units, int warmUp) =>
        $"{timed} {(timed == 1 ? Unit(units) : units)}" + (warmUp > 0 ? $" (+{warmUp} warm-up)" : "");

    private static string Unit(string units) => units.TrimEnd('s');

    private static string Ms(double? v) => v switch
    {
        null => "—",
        < 10 => v.Value.ToString("F2", CultureInfo.InvariantCulture),
        < 1000 => v.Value.ToString("F1", CultureInfo.InvariantCulture),
        _ => v.Value.ToString("F0", CultureInfo.InvariantCulture),
    };

    private static string MiB(double? v) => v is { } x ? x.ToString("F0", CultureInfo.InvariantCulture) : "—";

    private static string F2(double v) => v.ToString("F2", CultureInfo.InvariantCulture);

    private static string Times(double v) => v.ToString("F1", CultureInfo.InvariantCulture) + "×";
}
