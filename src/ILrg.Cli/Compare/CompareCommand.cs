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
    private static readonly string[] Activations = ["relu", "silu", "leaky-relu"];
    private static readonly string[] Distributions = ["random", "balanced", "random2", "custom-imbalanced", "extreme", "unique"];

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dataset = CommonOptions.OneOf("--dataset", "Dataset", DatasetCatalog.Names, null);
        var model = CommonOptions.OneOf("--model", "Model", ModelZoo.Names, null);
        var hidden = CommonOptions.AtLeast("--n-hidden", "FCN: hidden layers after the first (1 = FCN-3)", 0, 1);
        var width = CommonOptions.AtLeast("--width", "FCN: hidden width", 1, 300);
        var activation = CommonOptions.OneOf("--activation", "Hidden activation", Activations, "relu");
        var batchNorm = new Option<bool>("--batch-norm") { Description = "LeNet-5: BatchNorm after each convolution" };
        var batchSize = CommonOptions.AtLeast("--batch-size", "Batch size N", 1);
        var trials = CommonOptions.AtLeast("--trials", "Number of trials T", 1, 10);
        var seed = CommonOptions.Seed();
        var distribution = CommonOptions.OneOf("--distribution", "Batch label distribution", Distributions, "random");
        var classesInBatch = new Option<int?>("--classes-in-batch") { Description = "m for balanced / random2" };
        var methods = new Option<string>("--methods")
        {
            Description = $"'all' or a comma-separated list of: {string.Join(", ", RestorerRegistry.Names)}",
            DefaultValueFactory = _ => "all",
        };
        var classes = CommonOptions.AtLeast("--classes", "Synthetic: number of classes", 1, 100);
        var shape = new Option<string>("--image-shape") { Description = "Synthetic: CxHxW", DefaultValueFactory = _ => "3x32x32" };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Folder of IDX files (MNIST / Fashion-MNIST)" };
        var split = CommonOptions.OneOf("--split", "IDX split", ["train", "test"], "test");
        var mode = CommonOptions.OneOf("--mode", "Client mode", ["eval", "train"], "eval");
        var auxiliary = CommonOptions.AtLeast("--auxiliary-size", "Held-out images per trial for LLG+/LLG*", 1, 64);
        var report = CommonOptions.Report();
        report.Description = "Write JSON here, plus a markdown table (.md) and a bar chart (.png) beside it";

        var command = new Command("compare", "Run every label-restoration method on identical simulated updates")
        {
            dataset, model, hidden, width, activation, batchNorm, batchSize, trials, seed, distribution, classesInBatch,
            methods, classes, shape, dataDir, split, mode, auxiliary, report,
        };
        command.SetAction(parse => CommandLine.Guarded(error, () =>
        {
            var experiment = new ExperimentSpec(
                new DatasetRequest(
                    parse.GetValue(dataset)!.ToLowerInvariant(), parse.GetValue(dataDir)?.FullName, parse.GetValue(split)!,
                    parse.GetValue(classes), ImageShape.Parse(parse.GetValue(shape)!), parse.GetValue(seed)),
                new ModelSpec(
                    parse.GetValue(model)!.ToLowerInvariant(), parse.GetValue(hidden), parse.GetValue(width),
                    ParseActivation(parse.GetValue(activation)!), parse.GetValue(batchNorm)),
                parse.GetValue(batchSize), parse.GetValue(trials), parse.GetValue(seed),
                ParseDistribution(parse.GetValue(distribution)!), parse.GetValue(classesInBatch),
                Mode: parse.GetValue(mode)!.Equals("train", StringComparison.OrdinalIgnoreCase) ? ClientMode.Train : ClientMode.Eval);
            var spec = new ComparisonSpec(experiment, parse.GetValue(methods)!, parse.GetValue(auxiliary));
            return Execute(spec, parse.GetValue(report), output, error);
        }));
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

    private static Activation ParseActivation(string text) => text.ToLowerInvariant() switch
    {
        "relu" => Activation.Relu,
        "silu" => Activation.Silu,
        "leaky-relu" => Activation.LeakyRelu,
        _ => throw new ArgumentException($"unknown activation '{text}'"),
    };

    private static BatchDistribution ParseDistribution(string text) => text.ToLowerInvariant() switch
    {
        "random" => BatchDistribution.Random,
        "balanced" => BatchDistribution.Balanced,
        "random2" => BatchDistribution.Random2,
        "custom-imbalanced" => BatchDistribution.CustomImbalanced,
        "extreme" => BatchDistribution.Extreme,
        "unique" => BatchDistribution.Unique,
        _ => throw new ArgumentException($"unknown distribution '{text}'"),
    };
}
