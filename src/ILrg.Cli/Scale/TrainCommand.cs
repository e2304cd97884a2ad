using System.CommandLine;
using System.Globalization;
using ILrg.Data;
using ILrg.Experiments;
using ILrg.Metrics;
using ILrg.Models;
using ILrg.Training;
using Spectre.Console;

namespace ILrg.Cli.Scale;

/// <summary>
/// <c>ilrg train</c>: trains a model with the paper's SGD recipe, saving checkpoints; with <c>--attack-batch-size</c> it
/// then attacks every checkpoint (the trained-model trend of SPEC.md §9) and can plot the curve as PNG.
/// </summary>
public static class TrainCommand
{
    /// <summary>Paper: trained FCN-3 on MNIST, N=8, after 1000 iterations: LeAcc / LnAcc / IRec (SPEC.md §9).</summary>
    private static readonly (string Metric, double Value)[] PaperFcn3Mnist1000 = [("LeAcc", 0.645), ("LnAcc", 0.485), ("IRec", 0.450)];

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dataset = CommonOptions.OneOf("--dataset", "Training dataset", DatasetCatalog.Names, null);
        var model = CommonOptions.OneOf("--model", "Model", ModelZoo.Names, null);
        var hidden = CommonOptions.AtLeast("--n-hidden", "FCN: hidden layers after the first (1 = FCN-3)", 0, 1);
        var batchNorm = new Option<bool>("--batch-norm") { Description = "LeNet-5: BatchNorm after each convolution" };
        var dropout = new Option<bool>("--dropout") { Description = "VGG: Dropout 0.5 in the head" };
        var iterations = CommonOptions.AtLeast("--iterations", "SGD steps", 1);
        var trainBatch = CommonOptions.AtLeast("--train-batch-size", "Images per SGD step", 1, 128);
        var every = CommonOptions.AtLeast("--checkpoint-every", "Save a checkpoint every k iterations", 1, 100);
        var lr = new Option<double>("--lr") { Description = "Initial learning rate", DefaultValueFactory = _ => 0.1 };
        var seed = CommonOptions.Seed();
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Data folder (see 'ilrg run')" };
        var split = CommonOptions.OneOf("--split", "Training split", ["train", "test"], "train");
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Checkpoint folder", Required = true };
        var attackN = new Option<int?>("--attack-batch-size") { Description = "Attack every checkpoint with batches of this N" };
        var attackTrials = CommonOptions.AtLeast("--attack-trials", "Trials per checkpoint", 1, 50);
        var attackSplit = CommonOptions.OneOf("--attack-split", "Split the attacked batches come from", ["train", "test"], "train");
        var plot = new Option<FileInfo?>("--plot") { Description = "Write the attack-vs-iterations curve as PNG" };
        var report = CommonOptions.Report();
        var command = new Command("train", "Train a model (SGD Nesterov 0.9, lr 0.1, wd 5e-4, batch 128, ×0.1 at 3/8, 5/8, 7/8), save checkpoints, optionally attack each")
        {
            dataset, model, hidden, batchNorm, dropout, iterations, trainBatch, every, lr, seed, dataDir, split, outDir,
            attackN, attackTrials, attackSplit, plot, report,
        };
        command.SetAction(parse => CommandLine.Guarded(error, () =>
        {
            string name = parse.GetValue(dataset)!.ToLowerInvariant();
            string? dir = parse.GetValue(dataDir)?.FullName;
            var spec = new ModelSpec(
                parse.GetValue(model)!.ToLowerInvariant(), parse.GetValue(hidden), BatchNorm: parse.GetValue(batchNorm),
                Dropout: parse.GetValue(dropout));
            var options = new TrainingOptions(
                parse.GetValue(iterations), parse.GetValue(trainBatch), parse.GetValue(lr),
                CheckpointEvery: parse.GetValue(every), Seed: parse.GetValue(seed));
            var run = new TrendRun(
                new DatasetRequest(name, dir, parse.GetValue(split)!), new DatasetRequest(name, dir, parse.GetValue(attackSplit)!),
                spec, options, parse.GetValue(outDir)!.FullName, parse.GetValue(attackN), parse.GetValue(attackTrials));
            return Execute(run, parse.GetValue(plot), parse.GetValue(report), output, error);
        }));
        return command;
    }

    /// <summary>What one invocation does.</summary>
    /// <param name="TrainData">Training data.</param>
    /// <param name="AttackData">Where the attacked batches come from.</param>
    /// <param name="Model">The model.</param>
    /// <param name="Options">The training recipe.</param>
    /// <param name="OutputDirectory">Checkpoint folder.</param>
    /// <param name="AttackBatchSize">N of the attacked batches, or null for training only.</param>
    /// <param name="AttackTrials">Trials per checkpoint.</param>
    public sealed record TrendRun(
        DatasetRequest TrainData, DatasetRequest AttackData, ModelSpec Model, TrainingOptions Options,
        string OutputDirectory, int? AttackBatchSize, int AttackTrials);

    /// <summary>One point of the trend.</summary>
    public sealed record TrendPoint(int Iteration, double TrainLoss, double TrainAccuracy, string Checkpoint, LabelSummary? Attack);

    /// <summary>The body of the verb.</summary>
    public static int Execute(TrendRun run, FileInfo? plot, FileInfo? report, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(run);
        IAnsiConsole console = Terminal.For(output);
        IImageDataset train = DatasetCatalog.Open(run.TrainData, line => error.WriteLine(line));
        string synthetic = train.IsSynthetic ? " [SYNTHETIC stand-in]" : string.Empty;
        console.WriteLine($"training {run.Model.Name} on {train.Name}{synthetic} ({train.Count} images) for " +
                          $"{run.Options.Iterations} iterations, batch {run.Options.BatchSize}, lr {run.Options.LearningRate} " +
                          $"(×0.1 after {string.Join(", ", run.Options.Milestones())}), checkpoints in {run.OutputDirectory}");
        IReadOnlyList<TrainingCheckpoint> checkpoints = Trainer.Train(run.Model, train, run.Options, run.OutputDirectory, c =>
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"iteration {c.Iteration}: train loss {c.TrainLoss:F4}, train accuracy {c.TrainAccuracy:F3} -> {c.Path}")));
        var points = checkpoints.Select(c => new TrendPoint(c.Iteration, c.TrainLoss, c.TrainAccuracy, c.Path, null)).ToList();
        if (run.AttackBatchSize is { } n)
        {
            IImageDataset attackData = run.AttackData == run.TrainData
                ? train
                : DatasetCatalog.Open(run.AttackData, line => error.WriteLine(line));
            for (int i = 0; i < points.Count; i++)
            {
                var spec = new ExperimentSpec(
                    run.AttackData, run.Model with { CheckpointPath = points[i].Checkpoint }, n, run.AttackTrials, run.Options.Seed);
                LabelSummary s = ExperimentRunner.Run(spec, attackData).Summary;
                points[i] = points[i] with { Attack = s };
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"attack at iteration {points[i].Iteration} (N={n}, {run.AttackTrials} trials): LeAcc {s.LeAcc:F3} " +
                    $"LnAcc {s.LnAcc:F3} IRec {s.IRec:F3}"));
            }

            console.Write(Table(points));
            if (plot is not null)
            {
                Plot(plot.FullName, run, attackData, n, points);
                console.WriteLine($"plot: {plot.FullName}");
            }
        }

        if (report is not null)
        {
            ResultJson.Write(report.FullName, new { run, dataset = train.Name, synthetic = train.IsSynthetic, points });
            console.WriteLine($"report: {report.FullName}");
        }

        return ExitCodes.Ok;
    }

    private static Table Table(IEnumerable<TrendPoint> points)
    {
        var table = new Table().AddColumns("iteration", "train loss", "train acc", "LeAcc", "LnAcc", "IRec", "exact-batch");
        foreach (TrendPoint p in points)
        {
            LabelSummary s = p.Attack!;
            table.AddRow(p.Iteration.ToString(CultureInfo.InvariantCulture), F(p.TrainLoss), F(p.TrainAccuracy),
                F(s.LeAcc), F(s.LnAcc), F(s.IRec), F(s.ExactBatchRate));
        }

        return table;
    }

    private static string F(double v) => double.IsNaN(v) ? "—" : v.ToString("F3", CultureInfo.InvariantCulture);

    private static void Plot(string path, TrendRun run, IImageDataset data, int n, List<TrendPoint> points)
    {
        double[] xs = points.Select(p => (double)p.Iteration).ToArray();
        var measured = new List<CurvePlot.Series>
        {
            new("LeAcc", xs, points.Select(p => p.Attack!.LeAcc).ToArray(),
                points.Select(p => p.Attack!.LeAccCi.Low).ToArray(), points.Select(p => p.Attack!.LeAccCi.High).ToArray()),
            new("LnAcc", xs, points.Select(p => p.Attack!.LnAcc).ToArray(),
                points.Select(p => p.Attack!.LnAccCi.Low).ToArray(), points.Select(p => p.Attack!.LnAccCi.High).ToArray()),
            new("IRec", xs, points.Select(p => p.Attack!.IRec).ToArray(),
                points.Select(p => p.Attack!.IRecCi.Low).ToArray(), points.Select(p => p.Attack!.IRecCi.High).ToArray()),
        };
        bool paperSetting = run.Model.Name == "fcn" && run.Model.HiddenLayers == 1 && data.Name == "mnist" && n == 8;
        var paper = paperSetting
            ? PaperFcn3Mnist1000.Select(p => new CurvePlot.Series($"paper {p.Metric} (1000 it.)", [1000.0], [p.Value])).ToList()
            : [];
        string synthetic = data.IsSynthetic ? " [synthetic]" : string.Empty;
        CurvePlot.Save(
            path, $"iLRG on trained {run.Model.Name}, {data.Name}{synthetic}, N={n}", "training iterations",
            "score (mean over trials, 95% CI)", measured, paper);
    }
}
