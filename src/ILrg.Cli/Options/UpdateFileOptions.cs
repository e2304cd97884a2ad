using System.CommandLine;
using ILrg.Audit;
using ILrg.Interop;

namespace ILrg.Cli.Options;

/// <summary>A client update held in files: <c>--model-state</c>, exactly one of <c>--gradients</c> (FedSGD),
/// <c>--after</c> or <c>--delta</c> (FedAvg, with <c>--local-lr</c>, <c>--local-steps</c>, <c>--local-batch</c>,
/// <c>--local-epochs</c>), <c>--batch-size</c> (N or a range <c>16..128</c>) and <c>--final-layer</c>.</summary>
public sealed class UpdateFileOptions : IOptionGroup
{
    private readonly Option<FileInfo> _modelState = new("--model-state")
    {
        Description = "The global model's state dict the client started from (.pt/.pth, safetensors, .npz, ILrg " +
                      "checkpoint; recognised from the bytes)",
        Required = true,
    };

    private readonly Option<FileInfo?> _gradients = new("--gradients")
    {
        Description = "FedSGD: the batch-mean cross-entropy gradient of every parameter, keyed like the model state",
    };

    private readonly Option<FileInfo?> _after = new("--after")
    {
        Description = "FedAvg: the client's weights after local training",
    };

    private readonly Option<FileInfo?> _delta = new("--delta")
    {
        Description = "FedAvg: the change of the weights, after − before",
    };

    private readonly Option<double?> _lr = OptionFactory.OptionalNumber(
        "--local-lr", "FedAvg: the client's SGD learning rate", 0, exclusiveMinimum: true);

    private readonly Option<int?> _steps =
        OptionFactory.OptionalInt("--local-steps", "FedAvg: the client's SGD steps", 1);
    private readonly Option<int?> _batch = OptionFactory.OptionalInt(
        "--local-batch", "FedAvg: the client's mini-batch size (checks or derives --local-steps)", 1);

    private readonly Option<int?> _epochs =
        OptionFactory.OptionalInt("--local-epochs", "FedAvg: the client's epochs", 1);
    private readonly Option<BatchSizeRange> _batchSize = OptionFactory.Parsed(
        "--batch-size", "N, the client's batch size (FedAvg: its samples), or a range such as 16..128 to scan",
        BatchSizeRange.Parse, null);

    private readonly Option<string?> _finalLayer = new("--final-layer")
    {
        Description = "The final layer's name, e.g. head.4 (default: found, the last 2-D weight with a 1-D bias)",
    };

    /// <inheritdoc />
    public IEnumerable<Option> Options =>
        [_modelState, _gradients, _after, _delta, _lr, _steps, _batch, _epochs, _batchSize, _finalLayer];

    /// <summary>The model state path, the update, N (or the range) and the final layer's name.</summary>
    /// <exception cref="ArgumentException">None or more than one of --gradients, --after, --delta.</exception>
    public (string ModelState, UpdateSource Update, BatchSizeRange BatchSize, string? FinalLayer) Bind(
        ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var given = new (UpdateKind Kind, FileInfo? File)[]
            {
                (UpdateKind.Gradients, parse.GetValue(_gradients)),
                (UpdateKind.WeightsAfter, parse.GetValue(_after)),
                (UpdateKind.WeightDelta, parse.GetValue(_delta)),
            }
            .Where(g => g.File is not null).ToList();
        if (given.Count != 1)
        {
            throw new ArgumentException(
                $"give exactly one update: --gradients (FedSGD), --after or --delta (FedAvg); got {given.Count}");
        }

        var update = new UpdateSource(given[0].Kind, given[0].File!.FullName, parse.GetValue(_lr),
            parse.GetValue(_steps), parse.GetValue(_batch), parse.GetValue(_epochs));
        update.Validate();
        return (parse.GetValue(_modelState)!.FullName, update, parse.GetValue(_batchSize)!,
            parse.GetValue(_finalLayer));
    }
}
