using System.CommandLine;
using ILrg.Claims;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Models;
using ILrg.Numerics;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary><c>ilrg reproduce</c>: a suite of the paper's claims; exit 0 when all pass, 2 when any fails. With
/// <c>--shard i/n</c> it measures one shard and writes a partial report for <c>ilrg merge</c>.</summary>
public static class ReproduceCommand
{
    /// <summary>Everything one invocation does.</summary>
    /// <param name="Claims">The claims, in order.</param>
    /// <param name="Suite">The suite's name (recorded in the report).</param>
    /// <param name="Seed">The base seed.</param>
    /// <param name="Report">JSON report path (required with a shard).</param>
    /// <param name="Shard">The shard, or null for all units.</param>
    /// <param name="Device">The resolved device.</param>
    public sealed record Request(
        IReadOnlyList<IClaim> Claims, string Suite = "custom", ulong Seed = 0, FileInfo? Report = null,
        WorkShard? Shard = null, string Device = ComputeDevice.Cpu);

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seed = OptionFactory.Seed();
        var suite = OptionFactory.Choice("--suite", ClaimSuites.Description, ClaimSuites.Names, "quick");
        var only = new Option<string?>("--only")
        {
            Description = "Only the claims whose id contains one of these " +
                                                                 "comma-separated words"
        };
        var list = new Option<bool>("--list")
        {
            Description = "List the claims (suite, K×T, units, estimated CPU " +
                                                              "time) and run nothing"
        };
        var (shard, device, outputs) = (new ShardOptions(), new DeviceOptions(), new OutputOptions());
        var command = new Command("reproduce", "Check the paper's claims: K runs per claim, the paper's figure " +
                                               "against the 95% prediction interval of a run")
        {
            seed, suite, only, list,
        }.With(shard, device, outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
        {
            string name = parse.GetValue(suite)!;
            var claims = ClaimSuites.Only(ClaimSuites.Named(name, parse.GetValue(seed)), parse.GetValue(only), name);
            if (parse.GetValue(list))
            {
                IAnsiConsole console = Terminal.For(output);
                console.Write(ClaimTable.Plans(claims.Select(c => c.Plan)));
                console.WriteLine($"{claims.Count} claims, {ClaimRunner.UnitsOf(claims)} work units, estimated " +
                                  $"{ClaimTable.Duration(claims.Sum(c => c.Plan.EstimatedCpuSeconds))} on 2 CPU cores");
                return ExitCodes.Ok;
            }

            var request = new Request(
                claims, name, parse.GetValue(seed), outputs.Bind(parse).Report, shard.Bind(parse), device.Bind(parse));
            return Execute(request, output, error, run);
        }));
        return command;
    }

    /// <summary>Measures the claims (or one shard of their units) and reports; the body of the verb.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="run">The verb's run: on Ctrl-C the finished units are written to the report.</param>
    public static int Execute(Request request, TextWriter output, TextWriter error, VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        RunCommand.ShardNeedsReport(request.Shard, request.Report);
        IAnsiConsole console = Terminal.For(output);
        var claims = request.Claims;
        long units = ClaimRunner.UnitsOf(claims, request.Shard);
        console.WriteLine($"suite {request.Suite}: {claims.Count} claims, {units} work units" +
                          (request.Shard is null ? "" : $" (shard {request.Shard})") + $", device {request.Device}");
        var configuration = new
        {
            suite = request.Suite,
            device = request.Device,
            claims = claims.Select(c => c.Plan.Id),
        };
        var started = DateTimeOffset.UtcNow;
        var finished = new Collected<TrialRecord>();
        ClaimReport report = Terminal.WithProgress(console, "reproduce", (int)units, tick =>
        {
            var context = new ClaimContext(
                r => DatasetCatalog.Open(r, line => error.WriteLine(line)), request.Device,
                onRecords: r =>
                {
                    finished.AddRange(r);
                    tick();
                },
                cancellation: run?.Cancellation ?? default);
            run?.OnInterruption(request.Report, () => finished.Snapshot() is var done
                ? (ClaimRunner.Interrupted(
                    "ilrg reproduce", request.Suite, request.Seed, configuration, claims, context, started, done,
                    request.Shard), done.Count)
                : default);
            return ClaimRunner.Report(
                "ilrg reproduce", request.Suite, request.Seed, configuration, claims, context, request.Shard,
                (c, n) => console.WriteLine($"claim {c.Plan.Id}: {n} units..."),
                (c, r) => console.WriteLine(
                    $"claim {c.Plan.Id}: {r.Count} trials measured ({r.Sum(x => x.Seconds):F1} s)"));
        });
        return request.Shard is not null
            ? ClaimReportViews.Shard(console, request.Shard, report, request.Report)
            : ClaimReportViews.Finish(console, report, request.Report);
    }
}
