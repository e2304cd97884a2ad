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
    private static readonly string[] Activations = ["relu", "silu", "leaky-relu"];
    private static readonly string[] Distributions = ["random", "balanced", "random2", "custom-imbalanced", "extreme", "unique"];
    private static readonly string[] Modes = ["eval", "train"];

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
        var classesInBatch = new Option<int?>("--classes-in-batch") { Description = "m for balanced / random2 (default min(C, N))" };
        var method = CommonOptions.OneOf("--method", "Restoration method", RestorerCatalog.Names, "ilrg");
        var alpha = new Option<double>("--alpha") { Description = "iLRG softmax factor α", DefaultValueFactory = _ => 1.0 };
        var classes = CommonOptions.AtLeast("--classes", "Synthetic: number of classes", 1, 100);
        var shape = new Option<string>("--image-shape") { Description = "Synthetic: CxHxW", DefaultValueFactory = _ => "3x32x32" };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Data folder: IDX files (MNIST / Fashion-MNIST), CIFAR-100 binary, ImageNet class folders" };
        var split = CommonOptions.OneOf("--split", "IDX split", ["train", "test"], "test");
        var mode = CommonOptions.OneOf("--mode", "Client mode", Modes, "eval");
        var report = CommonOptions.Report();
        var dropout = new Option<bool>("--dropout") { Description = "VGG: Dropout 0.5 in the head (active in train mode)" };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "Attack a trained model: weights saved by 'ilrg train'" };
        var chunkSize = CommonOptions.AtLeast("--chunk-size", "Images per client forward chunk (memory bound)", 1, Client.DefaultChunkSize);

        var command = new Command("run", "Run label restoration trials on simulated client updates")
        {
            dataset, model, hidden, width, activation, batchNorm, batchSize, trials, seed, distribution, classesInBatch,
            method, alpha, classes, shape, dataDir, split, mode, report, dropout, checkpoint, chunkSize,
        };
        command.SetAction(parse => CommandLine.Guarded(error, () =>
        {
            var spec = new ExperimentSpec(
                new DatasetRequest(
                    parse.GetValue(dataset)!.ToLowerInvariant(), parse.GetValue(dataDir)?.FullName, parse.GetValue(split)!,
                    parse.GetValue(classes), ImageShape.Parse(parse.GetValue(shape)!), parse.GetValue(seed)),
                new ModelSpec(
                    parse.GetValue(model)!.ToLowerInvariant(), parse.GetValue(hidden), parse.GetValue(width),
                    ParseActivation(parse.GetValue(activation)!), parse.GetValue(batchNorm), parse.GetValue(dropout),
                    parse.GetValue(checkpoint)?.FullName),
                parse.GetValue(batchSize), parse.GetValue(trials), parse.GetValue(seed),
                ParseDistribution(parse.GetValue(distribution)!), parse.GetValue(classesInBatch),
                parse.GetValue(method)!.ToLowerInvariant(), parse.GetValue(alpha),
                parse.GetValue(mode)!.Equals("train", StringComparison.OrdinalIgnoreCase) ? ClientMode.Train : ClientMode.Eval,
                parse.GetValue(chunkSize));
            return Execute(spec, parse.GetValue(report), output, error);
        }));
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
