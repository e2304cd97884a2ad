using System.CommandLine;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Data;
using ILrg.Reporting;
using ILrg.Trials;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg train</c>: trains a model with the paper's SGD recipe, saving checkpoints; with <c>--attack-batch-size</c> it
/// then attacks every checkpoint (the trained-model trend of SPEC.md §9) and can plot the curve as PNG.
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new DataOptions(defaultSplit: "train");
        var model = new ModelOptions();
        var recipe = new TrainOptions();
        var seed = OptionFactory.Seed();
        var attackN = OptionFactory.OptionalInt("--attack-batch-size", "Attack every checkpoint with batches of this N", 1);
        var attackTrials = OptionFactory.WholeNumber("--attack-trials", "Trials per checkpoint", 1, 50);
        var attackSplit = OptionFactory.Choice("--attack-split", "Split the attacked batches come from", ["train", "test"], "train");
        var outputs = new OutputOptions(plot: true, outFolder: "Checkpoint folder");
        var command = new Command(
            "train", "Train a model (SGD Nesterov 0.9, lr 0.1, wd 5e-4, batch 128, ×0.1 at 3/8, 5/8, 7/8), save " +
                     "checkpoints, optionally attack each")
        {
            seed, attackN, attackTrials, attackSplit,
        }.With(data, model, recipe, outputs);
        command.SetAction(parse => CommandLine.Guarded(error, run =>
        {
            var (report, plot, folder) = outputs.Bind(parse);
            ulong s = parse.GetValue(seed);
            DatasetRequest train = data.Bind(parse, s);
            var spec = new TrainingTrendSpec(
                train, DataOptions.WithSplit(train, parse.GetValue(attackSplit)!), model.Bind(parse), recipe.Bind(parse, s),
                folder!.FullName, parse.GetValue(attackN), parse.GetValue(attackTrials));
            return Execute(spec, plot, report, output, error, run);
        }));
        return command;
    }

    /// <summary>The body of the verb.</summary>
    public static int Execute(
        TrainingTrendSpec spec, FileInfo? plot, FileInfo? report, TextWriter output, TextWriter error, VerbRun? run = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IAnsiConsole console = Terminal.For(output);
        console.WriteLine($"training {spec.Model.Name} on {spec.TrainData.Name} for {spec.Options.Iterations} iterations, " +
                          $"batch {spec.Options.BatchSize}, lr {spec.Options.LearningRate} (×0.1 after " +
                          $"{string.Join(", ", spec.Options.Milestones())}), checkpoints in {spec.OutputDirectory}");
        var started = DateTimeOffset.UtcNow;
        var opened = new Collected<IImageDataset>();
        var saved = new Collected<TrendPoint>();
        var attacked = new Collected<TrendPoint>();
        run?.OnInterruption(report, () =>
        {
            var points = saved.Snapshot().Select(p => attacked.Snapshot().FirstOrDefault(a => a.Iteration == p.Iteration) ?? p)
                .ToList();
            var manifest = RunManifest.Create("ilrg train", spec.Options.Seed, spec, opened.Snapshot(), started);
            return (new TrendResult(manifest, spec, points, Interrupted: true), points.Count);
        });
        TrendResult result = TrendRunner.Run(
            spec,
            request =>
            {
                IImageDataset data = DatasetCatalog.Open(request, line => error.WriteLine(line));
                opened.Add(data);
                return data;
            },
            c =>
            {
                saved.Add(new TrendPoint(c.Iteration, c.TrainLoss, c.TrainAccuracy, c.Path, null));
                console.WriteLine($"iteration {c.Iteration}: train loss {c.TrainLoss:F4}, train accuracy " +
                                  $"{c.TrainAccuracy:F3} -> {c.Path}");
            },
            p =>
            {
                attacked.Add(p);
                console.WriteLine($"attack at iteration {p.Iteration} (N={spec.AttackBatchSize}, {spec.AttackTrials} " +
                                  $"trials): LeAcc {Format.F3(p.Attack!.LeAcc)} LnAcc {Format.F3(p.Attack.LnAcc)} " +
                                  $"IRec {Format.F3(p.Attack.IRec)}");
            },
            run?.Cancellation ?? default);
        if (spec.AttackBatchSize is not null)
        {
            console.Write(TrendViews.Table(result.Points));
            if (plot is not null)
            {
                TrendViews.Plot(plot.FullName, result);
                console.WriteLine($"plot: {plot.FullName}");
            }
        }

        Terminal.WriteReport(console, report, result);
        return ExitCodes.Ok;
    }
}
