using System.CommandLine;
using ILrg.Training;

namespace ILrg.Cli.Options;

/// <summary>The training recipe: <c>--iterations</c>, <c>--train-batch-size</c>, <c>--checkpoint-every</c>,
/// <c>--lr</c>; binds to <see cref="TrainingOptions"/> (SGD Nesterov 0.9, wd 5e-4, lr ×0.1 at 3/8, 5/8, 7/8).</summary>
public sealed class TrainOptions : IOptionGroup
{
    private readonly Option<int> _iterations = OptionFactory.WholeNumber("--iterations", "SGD steps", 1);
    private readonly Option<int> _batch = OptionFactory.WholeNumber("--train-batch-size", "Images per SGD step", 1,
        128);
    private readonly Option<int> _every = OptionFactory.WholeNumber("--checkpoint-every",
        "Save a checkpoint every k iterations", 1, 100);
    private readonly Option<double> _lr = OptionFactory.Number("--lr", "Initial learning rate", 0.1, 0,
        exclusiveMinimum: true);

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_iterations, _batch, _every, _lr];

    /// <summary>The recipe, seeded with <paramref name="seed"/>.</summary>
    public TrainingOptions Bind(ParseResult parse, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TrainingOptions(
            parse.GetValue(_iterations), parse.GetValue(_batch), parse.GetValue(_lr),
            CheckpointEvery: parse.GetValue(_every), Seed: seed);
    }
}
