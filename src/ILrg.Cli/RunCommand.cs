using System.CommandLine;
using System.Globalization;
using ILrg.Data;
using ILrg.Experiments;
using ILrg.Federated;
using ILrg.Models;
using Spectre.Console;

namespace ILrg.Cli;

/// <summary><c>ilrg run</c>: T trials of one configuration, a line per trial, a summary table, optional JSON.</summary>
public static class RunCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new ExperimentOptions();
        var method = CommonOptions.OneOf("--method", "Restoration method", RestorerCatalog.Names, "ilrg");
        var alpha = new Option<double>("--alpha") { Description = "iLRG softmax factor α", DefaultValueFactory = _ => 1.0 };
        var report = CommonOptions.Report();
        var command = new Command("run", "Run label restoration trials on simulated client updates") { method, alpha, report };
        experiment.AddTo(command);
        command.SetAction(parse => CommandLine.Guarded(error, () => Execute(
            experiment.ToSpec(parse, parse.GetValue(method)!, parse.GetValue(alpha)), parse.GetValue(report), output, error)));
        return command;
    }

    /// <summary>Runs a spec and prints it; the body of the verb.</summary>
    public static int Execute(ExperimentSpec spec, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IAnsiConsole console = Terminal.For(output);
        IImageDataset data = DatasetCatalog.Open(spec.Dataset, line => error.WriteLine(line));
        string synthetic = data.IsSynthetic ? " [SYNTHETIC stand-in]" : string.Empty;
        console.WriteLine($"{spec.Method} on {data.Name}{synthetic}, model {spec.Model.Name}, N={spec.BatchSize}, " +
                          $"{spec.Trials} trials, seed {spec.Seed}, {spec.Mode.ToString().ToLowerInvariant()} mode");
        ExperimentResult result = Terminal.WithProgress(console, "trials", spec.Trials, tick =>
            ExperimentRunner.Run(spec, data, t =>
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"trial {t.Index + 1}/{spec.Trials}: true {Terminal.Sparse(t.TrueCounts)} restored " +
                    $"{Terminal.Sparse(t.RestoredCounts)} LeAcc {t.Scores.LeAcc:F3} LnAcc {t.Scores.LnAcc:F3} " +
                    $"IRec {t.Scores.IRec:F3} ({t.Timings.TotalMs:F0} ms)"));
                tick();
            }));
        console.Write(SummaryTable(result));
        if (report is not null)
        {
            ResultJson.Write(report.FullName, result);
            console.WriteLine($"report: {report.FullName}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The summary as a table.</summary>
    public static Table SummaryTable(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Summary;
        var table = new Table().AddColumns("metric", "mean", "95% CI");
        table.AddRow("LeAcc", F(s.LeAcc), Ci(s.LeAccCi));
        table.AddRow("LnAcc", F(s.LnAcc), Ci(s.LnAccCi));
        table.AddRow("IRec", F(s.IRec), Ci(s.IRecCi));
        table.AddRow("exact-batch rate", F(s.ExactBatchRate), Ci(s.ExactBatchRateCi));
        table.AddRow("count MAE", F(s.CountMae), "");
        table.AddRow("LnAcc (present classes)", F(s.PresentLnAcc), "");
        return table;
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);

    private static string Ci(ILrg.Metrics.Interval i) => Markup.Escape($"[{F(i.Low)}, {F(i.High)}]");
}
