using System.CommandLine;
using ILrg.Trials;

namespace ILrg.Cli.Options;

/// <summary>Data, model, batch, trials and method: everything an <see cref="ExperimentSpec"/> holds, the same for every
/// verb that runs trials.</summary>
/// <param name="method">Which method option the verb offers.</param>
/// <param name="withTrials">False for verbs that run exactly one trial.</param>
public sealed class ExperimentOptions(MethodOptions.Choice method, bool withTrials = true) : IOptionGroup
{
    private readonly DataOptions _data = new();
    private readonly ModelOptions _model = new();
    private readonly BatchOptions _batch = new();
    private readonly TrialOptions _trials = new(withTrials);
    private readonly MethodOptions _method = new(method);
    private readonly FederationOptions _federation = new();
    private readonly DefenceOptions _defence = new();
    private readonly DeviceOptions _device = new();

    /// <inheritdoc />
    public IEnumerable<Option> Options =>
        new IOptionGroup[] { _data, _model, _batch, _trials, _method, _federation, _defence, _device }
            .SelectMany(g => g.Options);

    /// <summary>The experiment; for <see cref="MethodOptions.Choice.Many"/> its Method holds the comma list.</summary>
    public ExperimentSpec Bind(ParseResult parse)
    {
        var (trials, seed, mode, chunk, modelPer) = _trials.Bind(parse);
        var (n, distribution, m) = _batch.Bind(parse);
        var (methods, alpha, auxiliary) = _method.Bind(parse);
        return new ExperimentSpec(
            _data.Bind(parse, seed), _model.Bind(parse), n, trials, seed, distribution, m, methods, alpha, mode, chunk,
            auxiliary, modelPer, _device.Bind(parse), _federation.Bind(parse, _defence.Bind(parse)));
    }
}
