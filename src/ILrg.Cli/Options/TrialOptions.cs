using System.CommandLine;
using ILrg.Federated;
using ILrg.Trials;

namespace ILrg.Cli.Options;

/// <summary>How trials run: <c>--trials</c> (unless the verb runs one), <c>--seed</c>, <c>--mode</c>,
/// <c>--chunk-size</c>, <c>--model-per</c>.</summary>
/// <param name="withTrials">False for verbs that run exactly one trial (<c>invert</c>).</param>
public sealed class TrialOptions(bool withTrials = true) : IOptionGroup
{
    private readonly Option<int> _trials = OptionFactory.WholeNumber("--trials", "Number of trials T", 1, 10);
    private readonly Option<ulong> _seed = OptionFactory.Seed();
    private readonly Option<ClientMode?> _mode = OptionFactory.Enum("--mode", "Client mode", ClientMode.Eval);
    private readonly Option<int> _chunkSize =
        OptionFactory.WholeNumber("--chunk-size", "Images per client forward chunk (memory bound)", 1, Client.DefaultChunkSize);

    private readonly Option<ModelProtocol?> _modelPer = OptionFactory.Enum(
        "--model-per", "A fresh model per trial, or one model per run (the paper's protocol)", ModelProtocol.Trial);

    /// <inheritdoc />
    public IEnumerable<Option> Options =>
        withTrials ? [_trials, _seed, _mode, _chunkSize, _modelPer] : [_seed, _mode, _chunkSize];

    /// <summary>T (1 without <c>--trials</c>), the seed, the client mode, the chunk size and the model
    /// protocol.</summary>
    public (int Trials, ulong Seed, ClientMode Mode, int ChunkSize, ModelProtocol ModelPer) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return (withTrials ? parse.GetValue(_trials) : 1, parse.GetValue(_seed), parse.GetValue(_mode) ?? ClientMode.Eval,
            parse.GetValue(_chunkSize), parse.GetValue(_modelPer) ?? ModelProtocol.Trial);
    }
}
