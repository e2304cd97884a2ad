using System.CommandLine;
using System.Globalization;
using ILrg.Data;
using ILrg.Experiments;
using Spectre.Console;

namespace ILrg.Cli;

/// <summary><c>ilrg reproduce</c>: the quick suite of the paper's claims; exit 0 when all pass, 2 when any fails.</summary>
public static class ReproduceCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seed = CommonOptions.Seed();
        var report = CommonOptions.Report();
        var suite = CommonOptions.OneOf("--suite",
            "main (the default: iLRG, baselines, quick paper-scale claims), quick (iLRG's N=24 claims), baselines, scale, full (main with the paper-scale claims at full size)",
            ["main", "quick", "baselines", "scale", "full"], "main");
        var command = new Command("reproduce", "Check the paper's claims (quick suite) and print claim | paper | measured | verdict")
        {
            seed, report, suite,
        };
        command.SetAction(parse => CommandLine.Guarded(error, () =>
            Execute(
                parse.GetValue(suite)!.ToLowerInvariant() switch
                {
                    "full" => PaperClaims.Full(parse.GetValue(seed)),
                    "scale" => ScaleClaims.Quick(parse.GetValue(seed)),
                    "baselines" => BaselineClaims.Quick(parse.GetValue(seed)),
                    "quick" => PaperClaims.Quick(parse.GetValue(seed)),
                    _ => PaperClaims.Main(parse.GetValue(seed)),
                },
                parse.GetValue(report), output, error)));
        return command;
    }

    /// <summary>Runs the claims and prints the verdict table.</summary>
    public static int Execute(IReadOnlyList<PaperClaim> claims, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(claims);
        IAnsiConsole console = Terminal.For(output);
        var outcomes = new List<ClaimOutcome>();
        var datasets = new Dictionary<DatasetRequest, IImageDataset>();
        int totalTrials = claims.Sum(c => c.Experiment.Trials);
        Terminal.WithProgress(console, "reproduce", totalTrials, tick =>
        {
            foreach (PaperClaim claim in claims)
            {
                console.WriteLine($"claim {claim.Id}: {claim.Experiment.Trials} trials...");
                var (outcome, _) = ClaimRunner.Run(
                    claim,
                    request => datasets.TryGetValue(request, out var d)
                        ? d
                        : datasets[request] = DatasetCatalog.Open(request, line => error.WriteLine(line)),
                    _ => tick());
                outcomes.Add(outcome);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"claim {claim.Id}: {(outcome.Passed ? "PASS" : "FAIL")} ({outcome.Seconds:F1} s)"));
            }

            return 0;
        });

        console.Write(VerdictTable(outcomes));
        bool allPassed = outcomes.All(o => o.Passed);
        console.WriteLine(allPassed
            ? $"All {outcomes.Count} claims reproduced."
            : $"{outcomes.Count(o => !o.Passed)} of {outcomes.Count} claims NOT reproduced.");
        if (report is not null)
        {
            ResultJson.Write(report.FullName, new { passed = allPassed, claims = outcomes });
            console.WriteLine($"report: {report.FullName}");
        }

        return allPassed ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static Table VerdictTable(IEnumerable<ClaimOutcome> outcomes)
    {
        var table = new Table().AddColumns("claim", "metric", "paper", "gate", "measured", "verdict");
        foreach (ClaimOutcome o in outcomes)
        {
            string name = o.Synthetic ? $"{o.Id} (synthetic)" : o.Id;
            foreach (CheckOutcome c in o.Checks)
            {
                table.AddRow(
                    Markup.Escape(name), c.Metric, c.Paper?.ToString("F3", CultureInfo.InvariantCulture) ?? "—",
                    Markup.Escape(c.Gate),
                    c.Measured.ToString("F3", CultureInfo.InvariantCulture), c.Passed ? "pass" : "FAIL");
            }
        }

        return table;
    }
}
