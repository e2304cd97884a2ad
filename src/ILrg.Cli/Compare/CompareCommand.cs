using System.CommandLine;
using System.Globalization;
using ILrg.Data;
using ILrg.Experiments;
using ILrg.Experiments.Comparison;
using ILrg.Federated;
using ILrg.Models;
using Spectre.Console;

namespace ILrg.Cli.Compare;

/// <summary>
/// <c>ilrg compare</c>: every chosen method on identical updates per trial; one table of LeAcc, LnAcc, IRec,
/// exact-batch rate and count MAE with 95% intervals; <c>--report</c> writes JSON, a markdown table and a PNG chart.
/// </summary>
public static class CompareCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new ExperimentOptions();
        var methods = new Option<string>("--methods")
        {
            Description = $"'all' or a comma-separated list of: {string.Join(", ", RestorerRegistry.Names)}",
            DefaultValueFactory = _ => "all",
        };
        var auxiliary = CommonOptions.AtLeast("--auxiliary-size", "Held-out images per trial for LLG+/LLG*", 1, 64);
        var report = CommonOptions.Report();
        report.Description = "Write JSON here, plus a markdown table (.md) and a bar chart (.png) beside it";

        var command = new Command("compare", "Run every label-restoration method on identical simulated updates")
        {
            methods, auxiliary, report,
        };
        experiment.AddTo(command);
        command.SetAction(parse => CommandLine.Guarded(error, () => Execute(
            new ComparisonSpec(experiment.ToSpec(parse), parse.GetValue(methods)!, parse.GetValue(auxiliary)),
            parse.GetValue(report), output, error)));
        return command;
    }

    /// <summary>Runs a comparison, prints the table and writes the report files; the body of the verb.</summary>
    public static int Execute(ComparisonSpec spec, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IReadOnlyList<RestorerDescriptor> chosen = RestorerRegistry.Select(spec.Methods); // fail fast on a bad name
        IAnsiConsole console = Terminal.For(output);
        IImageDataset data = DatasetCatalog.Open(spec.Experiment.Dataset, line => error.WriteLine(line));
        ExperimentSpec e = spec.Experiment;
        string synthetic = data.IsSynthetic ? " [SYNTHETIC stand-in]" : string.Empty;
        console.WriteLine($"compare {chosen.Count} methods on {data.Name}{synthetic}, model {e.Model.Name}, N={e.BatchSize}, " +
                          $"{e.Trials} trials, seed {e.Seed}");
        ComparisonResult result = Terminal.WithProgress(console, "trials", e.Trials, tick =>
            ComparisonRunner.Run(spec, data, t =>
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"trial {t.Index + 1}/{e.Trials}: true {Terminal.Sparse(t.TrueCounts)}"));
                tick();
            }));
        console.Write(Table(result));
        if (report is not null)
        {
            string json = report.FullName;
            string markdown = Path.ChangeExtension(json, ".md");
            string png = Path.ChangeExtension(json, ".png");
            ResultJson.Write(json, result);
            File.WriteAllText(markdown, ComparisonMarkdown.Render(result));
            ComparisonChart.WritePng(result, png);
            console.WriteLine($"report: {json}, {markdown}, {png}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The comparison as one Spectre table.</summary>
    public static Table Table(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().AddColumns("method", "kind", "LeAcc", "LnAcc", "IRec", "exact-batch", "count MAE", "ms");
        foreach (MethodSummary m in result.Summaries)
        {
            var s = m.Labels;
            table.AddRow(
                Markup.Escape(m.Method), Markup.Escape(ComparisonMarkdown.Kind(m)),
                Markup.Escape(ComparisonMarkdown.Cell(s.LeAcc, s.LeAccCi)),
                Markup.Escape(ComparisonMarkdown.Cell(s.LnAcc, s.LnAccCi)),
                Markup.Escape(ComparisonMarkdown.Cell(s.IRec, s.IRecCi)),
                Markup.Escape(ComparisonMarkdown.Cell(s.ExactBatchRate, s.ExactBatchRateCi)),
                Markup.Escape(ComparisonMarkdown.Cell(s.CountMae, m.CountMaeCi)),
                m.MeanRestoreMs.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
