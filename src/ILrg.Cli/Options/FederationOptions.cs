using System.CommandLine;
using System.Globalization;
using ILrg.Federated;

namespace ILrg.Cli.Options;

/// <summary>The federated client and threat model (issue 11): <c>--protocol</c>, <c>--local-epochs</c>,
/// <c>--local-batch</c>, <c>--local-lr</c>, <c>--momentum</c>, <c>--dirichlet</c>, <c>--label-smoothing</c>,
/// <c>--mixup</c>, <c>--dp-sgd-clip</c>, <c>--dp-sgd-noise</c>, <c>--dp-sgd-delta</c>, <c>--auxiliary-per-class</c>,
/// <c>--hyperparameters-unknown</c>; binds to a <see cref="FederationSpec"/> (with the defence of
/// <see cref="DefenceOptions"/>).</summary>
public sealed class FederationOptions : IOptionGroup
{
    private readonly Option<string> _protocol =
        OptionFactory.Choice("--protocol", "What the client shares", ["fedsgd", "fedavg"], "fedsgd");

    private readonly Option<int> _epochs = OptionFactory.WholeNumber("--local-epochs", "FedAvg: local epochs", 1, 1);
    private readonly Option<int?> _localBatch =
        OptionFactory.OptionalInt("--local-batch", "FedAvg: local batch size (default N: one step per epoch)", 1);

    private readonly Option<double> _lr = OptionFactory.Number(
        "--local-lr", "FedAvg: local learning rate", 0.1, 0, 1e6, exclusiveMinimum: true);

    private readonly Option<double> _momentum = OptionFactory.Parsed(
        "--momentum", "FedAvg: heavy-ball momentum in [0, 1)", text => InRange(text, 0, 1, "must be in [0, 1)"), "0");

    private readonly Option<double?> _dirichlet = OptionFactory.OptionalNumber(
        "--dirichlet", "Non-IID client: labels from Dirichlet(α) class proportions", 0, 1e6, exclusiveMinimum: true);

    private readonly Option<double> _smoothing = OptionFactory.Parsed(
        "--label-smoothing", "Client loss: label smoothing ε in [0, 1)", text => InRange(text, 0, 1,
            "must be in [0, 1)"),
        "0");

    private readonly Option<double?> _mixup =
        OptionFactory.OptionalNumber("--mixup", "Client loss: mixup with Beta(α, α)", 0, 1e6, exclusiveMinimum: true);

    private readonly Option<double?> _dpClip = OptionFactory.OptionalNumber(
        "--dp-sgd-clip", "DP-SGD in local training: per-sample clip norm C", 0, 1e12, exclusiveMinimum: true);

    private readonly Option<double> _dpNoise =
        OptionFactory.Number("--dp-sgd-noise", "DP-SGD: noise multiplier z (σ = z·C)", 1.0, 0, 1e6);

    private readonly Option<double> _dpDelta = OptionFactory.Parsed(
        "--dp-sgd-delta", "DP-SGD: the δ of the reported (ε, δ)", text => InRange(text, 0, 1, "must be in (0, 1)",
            true),
        "1e-5");

    private readonly Option<int?> _auxPerClass = OptionFactory.OptionalInt(
        "--auxiliary-per-class", "Attacker's held-out images per class (instead of --auxiliary-size drawn uniformly)",
            1);

    private readonly Option<bool> _hidden = new("--hyperparameters-unknown")
    {
        Description = "Withhold the local hyper-parameters from the attacker (methods that need them refuse to run)",
    };

    /// <inheritdoc />
    public IEnumerable<Option> Options =>
        [_protocol, _epochs, _localBatch, _lr, _momentum, _dirichlet, _smoothing, _mixup, _dpClip, _dpNoise, _dpDelta,
            _auxPerClass, _hidden];

    /// <summary>The setting with <paramref name="defence"/>; null when everything is the paper's default.</summary>
    /// <exception cref="ArgumentException">FedAvg-only options with FedSGD, or DP-SGD options without a
    /// clip.</exception>
    public FederationSpec? Bind(ParseResult parse, UpdateDefence defence)
    {
        ArgumentNullException.ThrowIfNull(parse);
        bool fedAvg = parse.GetValue(_protocol) == "fedavg";
        if (!fedAvg)
        {
            Option[] fedAvgOnly = [_epochs, _localBatch, _lr, _momentum];
            Option? stray = fedAvgOnly.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
            if (stray is not null)
            {
                throw new ArgumentException($"{stray.Name} applies to --protocol fedavg (FedSGD shares one gradient)");
            }
        }

        if (parse.GetValue(_dpClip) is null &&
            new Option[] { _dpNoise, _dpDelta }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } o)
        {
            throw new ArgumentException($"{o.Name} needs --dp-sgd-clip (DP-SGD is on only with a clip norm)");
        }

        var spec = new FederationSpec
        {
            Local = fedAvg
                ? new LocalTraining(FederatedProtocol.FedAvg, parse.GetValue(_epochs), parse.GetValue(_localBatch),
                    parse.GetValue(_lr), parse.GetValue(_momentum))
                : LocalTraining.FedSgd,
            Loss = new LossVariant(parse.GetValue(_smoothing), parse.GetValue(_mixup)),
            DpSgd = parse.GetValue(_dpClip) is { } clip
                ? new DpSgdSettings(clip, parse.GetValue(_dpNoise), parse.GetValue(_dpDelta))
                : null,
            Defence = defence,
            DirichletAlpha = parse.GetValue(_dirichlet),
            AuxiliaryPerClass = parse.GetValue(_auxPerClass),
            HyperParametersKnown = !parse.GetValue(_hidden),
        };
        return spec == FederationSpec.Default ? null : spec;
    }

    private static double InRange(string text, double low, double high, string rule, bool exclusiveLow = false)
    {
        double v = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(v) && (exclusiveLow ? v > low : v >= low) && v < high
            ? v
            : throw new ArgumentException($"{rule}, got '{text}'");
    }
}
