using System.CommandLine;
using ILrg.Data;

namespace ILrg.Cli.Options;

/// <summary>The client's batch: <c>--batch-size</c>, <c>--distribution</c>, <c>--classes-in-batch</c>.</summary>
public sealed class BatchOptions : IOptionGroup
{
    private readonly Option<int> _batchSize = OptionFactory.WholeNumber("--batch-size", "Batch size N", 1);
    private readonly Option<BatchDistribution?> _distribution =
        OptionFactory.Enum("--distribution", "Batch label distribution", BatchDistribution.Random);

    private readonly Option<int?> _classesInBatch =
        OptionFactory.OptionalInt("--classes-in-batch", "m for balanced / random2 (default min(C, N))", 1);

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_batchSize, _distribution, _classesInBatch];

    /// <summary>N, the label distribution and m.</summary>
    public (int BatchSize, BatchDistribution Distribution, int? ClassesInBatch) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return (parse.GetValue(_batchSize), parse.GetValue(_distribution) ?? BatchDistribution.Random,
            parse.GetValue(_classesInBatch));
    }
}
