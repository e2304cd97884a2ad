using System.CommandLine;
using ILrg.Claims;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Reporting;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary><c>ilrg reproduce</c>: a suite of the paper's claims; exit 0 when all pass, 2 when any fails.</summary>
public static class ReproduceCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seed = OptionFactory.Seed();
        var suite = OptionFactory.Choice("--suite", ClaimSuites.Description, ClaimSuites.Names, "main");
        var outputs = new OutputOptions();
        var command = new Command("reproduce", "Check the paper's claims and print claim | paper | gate | measured | verdict")
        {
            seed, suite,
        }.With(outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
        {
            FileInfo? report = outputs.Bind(parse).Report;
            string name = parse.GetValue(suite)!;
            ulong s = parse.GetValue(seed);
            return Execute(ClaimSuites.Named(name, s), report, output, error, name, s, run);
        }));
        return command;
    }

    /// <summary>Runs the claims and prints the verdict table.</summary>
    public static int Execute(
        IReadOnlyList<IClaim> claims, FileInfo? report, TextWriter output, TextWriter error, string suite = "custom",
        ulong seed = 0, VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        IAnsiConsole console = Terminal.For(output);
        var started = DateTimeOffset.UtcNow;
        var opened = new List<IImageDataset>();
        var finished = new Collected<ClaimOutcome>();
        object Report(IReadOnlyList<ClaimOutcome> outcomes, bool interrupted) => new
        {
            manifest = RunManifest.Create(
                "ilrg reproduce", seed, new { suite, claims = claims.Select(c => c.Id).ToArray() }, opened, started),
            passed = !interrupted && outcomes.All(o => o.Passed),
            interrupted,
            claims = outcomes,
        };
        run?.OnInterruption(report, () => finished.Snapshot() is var done ? (Report(done, true), done.Count) : default);
        IReadOnlyList<ClaimOutcome> outcomes = Terminal.WithProgress(console, "reproduce", claims.Sum(c => c.Steps), tick =>
            ClaimRunner.RunAll(
                claims,
                request =>
                {
                    IImageDataset data = DatasetCatalog.Open(request, line => error.WriteLine(line));
                    opened.Add(data);
                    return data;
                },
                claim => console.WriteLine($"claim {claim.Id}: {claim.Steps} steps..."),
                o =>
                {
                    finished.Add(o);
                    console.WriteLine($"claim {o.Id}: {(o.Passed ? "PASS" : "FAIL")} ({o.Seconds:F1} s)");
                },
                tick, run?.Cancellation ?? default));

        console.Write(ClaimTable.Of(outcomes));
        bool allPassed = outcomes.All(o => o.Passed);
        console.WriteLine(allPassed
            ? $"All {outcomes.Count} claims reproduced."
            : $"{outcomes.Count(o => !o.Passed)} of {outcomes.Count} claims NOT reproduced.");
        Terminal.WriteReport(console, report, Report(outcomes, interrupted: false));
        return allPassed ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
