using System.CommandLine;
using ILrg.Data;
using ILrg.Experiments;
using ILrg.Federated;
using ILrg.Models;

namespace ILrg.Cli;

/// <summary>
/// The options that describe one experiment (dataset, model, batch, trials, client), shared by every verb that runs
/// trials, so that each verb accepts the same names with the same meaning and maps them to one <see cref="ExperimentSpec"/>.
/// </summary>
public sealed class ExperimentOptions
{
    /// <summary>Accepted --activation values.</summary>
    public static readonly IReadOnlyList<string> Activations = ["relu", "silu", "leaky-relu"];

    /// <summary>Accepted --distribution values.</summary>
    public static readonly IReadOnlyList<string> Distributions =
        ["random", "balanced", "random2", "custom-imbalanced", "extreme", "unique"];

    private readonly Option<string> _dataset = CommonOptions.OneOf("--dataset", "Dataset", DatasetCatalog.Names, null);
    private readonly Option<string> _model = CommonOptions.OneOf("--model", "Model", ModelZoo.Names, null);
    private readonly Option<int> _hidden = CommonOptions.AtLeast("--n-hidden", "FCN: hidden layers after the first (1 = FCN-3)", 0, 1);
    private readonly Option<int> _width = CommonOptions.AtLeast("--width", "FCN: hidden width", 1, 300);
    private readonly Option<string> _activation = CommonOptions.OneOf("--activation", "Hidden activation", Activations, "relu");
    private readonly Option<bool> _batchNorm = new("--batch-norm") { Description = "LeNet-5: BatchNorm after each convolution" };
    private readonly Option<bool> _dropout = new("--dropout") { Description = "VGG: Dropout 0.5 in the head (active in train mode)" };
    private readonly Option<FileInfo?> _checkpoint = new("--checkpoint") { Description = "Attack a trained model: weights saved by 'ilrg train'" };
    private readonly Option<int> _batchSize = CommonOptions.AtLeast("--batch-size", "Batch size N", 1);
    private readonly Option<int> _trials = CommonOptions.AtLeast("--trials", "Number of trials T", 1, 10);
    private readonly Option<ulong> _seed = CommonOptions.Seed();
    private readonly Option<string> _distribution = CommonOptions.OneOf("--distribution", "Batch label distribution", Distributions, "random");
    private readonly Option<int?> _classesInBatch = new("--classes-in-batch") { Description = "m for balanced / random2 (default min(C, N))" };
    private readonly Option<int> _classes = CommonOptions.AtLeast("--classes", "Synthetic: number of classes", 1, 100);
    private readonly Option<string> _shape = new("--image-shape") { Description = "Synthetic: CxHxW", DefaultValueFactory = _ => "3x32x32" };
    private readonly Option<DirectoryInfo?> _dataDir = new("--data-dir")
    {
        Description = "Data folder: IDX files (MNIST / Fashion-MNIST), CIFAR-100 binary, ImageNet class folders",
    };

    private readonly Option<string> _split = CommonOptions.OneOf("--split", "Data split", ["train", "test"], "test");
    private readonly Option<string> _mode = CommonOptions.OneOf("--mode", "Client mode", ["eval", "train"], "eval");
    private readonly Option<int> _chunkSize =
        CommonOptions.AtLeast("--chunk-size", "Images per client forward chunk (memory bound)", 1, Client.DefaultChunkSize);

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Option[] all =
        [
            _dataset, _model, _hidden, _width, _activation, _batchNorm, _dropout, _checkpoint, _batchSize, _trials, _seed,
            _distribution, _classesInBatch, _classes, _shape, _dataDir, _split, _mode, _chunkSize,
        ];
        foreach (Option option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The experiment the parsed options describe, with the given restoration method and α.</summary>
    public ExperimentSpec ToSpec(ParseResult parse, string method = "ilrg", double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ulong seed = parse.GetValue(_seed);
        return new ExperimentSpec(
            new DatasetRequest(
                parse.GetValue(_dataset)!.ToLowerInvariant(), parse.GetValue(_dataDir)?.FullName, parse.GetValue(_split)!,
                parse.GetValue(_classes), ImageShape.Parse(parse.GetValue(_shape)!), seed),
            new ModelSpec(
                parse.GetValue(_model)!.ToLowerInvariant(), parse.GetValue(_hidden), parse.GetValue(_width),
                ParseActivation(parse.GetValue(_activation)!), parse.GetValue(_batchNorm), parse.GetValue(_dropout),
                parse.GetValue(_checkpoint)?.FullName),
            parse.GetValue(_batchSize), parse.GetValue(_trials), seed,
            ParseDistribution(parse.GetValue(_distribution)!), parse.GetValue(_classesInBatch),
            method.ToLowerInvariant(), alpha,
            parse.GetValue(_mode)!.Equals("train", StringComparison.OrdinalIgnoreCase) ? ClientMode.Train : ClientMode.Eval,
            parse.GetValue(_chunkSize));
    }

    /// <summary>An --activation value as the enum.</summary>
    public static Activation ParseActivation(string text) => text?.ToLowerInvariant() switch
    {
        "relu" => Activation.Relu,
        "silu" => Activation.Silu,
        "leaky-relu" => Activation.LeakyRelu,
        _ => throw new ArgumentException($"unknown activation '{text}'; known: {string.Join(", ", Activations)}"),
    };

    /// <summary>A --distribution value as the enum.</summary>
    public static BatchDistribution ParseDistribution(string text) => text?.ToLowerInvariant() switch
    {
        "random" => BatchDistribution.Random,
        "balanced" => BatchDistribution.Balanced,
        "random2" => BatchDistribution.Random2,
        "custom-imbalanced" => BatchDistribution.CustomImbalanced,
        "extreme" => BatchDistribution.Extreme,
        "unique" => BatchDistribution.Unique,
        _ => throw new ArgumentException($"unknown distribution '{text}'; known: {string.Join(", ", Distributions)}"),
    };
}
