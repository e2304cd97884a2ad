using ILrg.Claims;
using ILrg.Numerics;
using Spectre.Console;

namespace ILrg.Cli.Views;

/// <summary>How <c>reproduce</c>, <c>sweep</c> and <c>merge</c> end a claim report: a shard's partial report, or a
/// whole run's verdict table.</summary>
internal static class ClaimReportViews
{
    /// <summary>Writes a shard's partial report (no verdicts) and says how to merge it; exit 0.</summary>
    public static int Shard(IAnsiConsole console, WorkShard shard, ClaimReport report, FileInfo? path)
    {
        console.WriteLine(
            $"shard {shard}: {report.Records.Count} trials; merge every shard's report with 'ilrg merge'");
        Terminal.WriteReport(console, path, report);
        return ExitCodes.Ok;
    }

    /// <summary>Prints the verdict table of a whole run's report, writes it, and returns the exit code (0 when every
    /// claim is as expected, 2 otherwise).</summary>
    public static int Finish(IAnsiConsole console, ClaimReport report, FileInfo? path)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = report.Claims ?? [];
        console.Write(ClaimTable.Of(outcomes));
        console.WriteLine("PI: 95% prediction interval of one run's mean (t: Student t, K < 39; o: order " +
                          "statistics); docs/claims-statistics.md");
        foreach (string line in ClaimTable.Summary(outcomes))
        {
            console.WriteLine(line);
        }

        Terminal.WriteReport(console, path, report);
        return report.Passed == true ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
