using System.CommandLine;
using System.Globalization;
using ILrg.Data;
using ILrg.Federated;
using ILrg.Models;
using ILrg.Restoration.Registry;
using ILrg.Trials;

namespace ILrg.Cli.Options;

/// <summary>The options of <c>sweep --kind defence</c> (issue 11): <c>--defence</c>, <c>--values</c>,
/// <c>--methods</c>, <c>--batch-size</c>, the utility training (<c>--utility-clients</c>, <c>--utility-images</c>,
/// <c>--utility-rounds</c>, <c>--no-utility</c>) and the client's protocol (<see cref="FederationOptions"/>).
/// The attack is FCN-3 on real MNIST, the paper's base setting.</summary>
public sealed class DefenceSweepOptions : IOptionGroup
{
    private readonly Option<string> _defence = OptionFactory.Choice(
        "--defence", "sweep --kind defence: which defence", DefenceSweepSpec.Defences, "none");

    private readonly Option<IReadOnlyList<double>> _values = OptionFactory.List(
        "--values", "sweep --kind defence: comma-separated strengths", ParseValue, "0");

    private readonly Option<IReadOnlyList<string>> _methods = OptionFactory.List(
        "--methods", "sweep --kind defence: methods attacking ('all' or a list)",
        name => name.Equals("all", StringComparison.OrdinalIgnoreCase) ? "all" : RestorerRegistry.Find(name).Name,
            "ilrg");

    private readonly Option<int> _batch = OptionFactory.WholeNumber("--batch-size", "sweep --kind defence: N", 1, 24);
    private readonly Option<int> _clients = OptionFactory.WholeNumber("--utility-clients", "Utility: FedAvg clients K",
        1, 10);
    private readonly Option<int> _images = OptionFactory.WholeNumber("--utility-images", "Utility: images per client",
        1, 100);
    private readonly Option<int> _rounds = OptionFactory.WholeNumber("--utility-rounds", "Utility: FedAvg rounds R", 1,
        40);
    private readonly Option<bool> _noUtility = new("--no-utility") { Description = "Skip the utility training" };
    private readonly FederationOptions _federation = new();

    /// <inheritdoc />
    public IEnumerable<Option> Options =>
        new Option[] { _defence, _values, _methods, _batch, _clients, _images, _rounds, _noUtility }
            .Concat(_federation.Options);

    /// <summary>The sweep.</summary>
    /// <exception cref="ArgumentException">No --defence or --values, or an invalid value for the defence.</exception>
    public DefenceSweepSpec Bind(ParseResult parse, int trials, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string defence = parse.GetValue(_defence)!;
        if (defence == "none" || parse.GetResult(_values) is null or { Implicit: true })
        {
            throw new ArgumentException(
                $"sweep --kind defence needs --defence ({string.Join("|", DefenceSweepSpec.Defences)}) and --values");
        }

        IReadOnlyList<string> methods = parse.GetValue(_methods)!;
        var attack = new ExperimentSpec(
            new DatasetRequest("mnist"), new ModelSpec("fcn", HiddenLayers: 1), parse.GetValue(_batch), trials, seed,
            Federation: _federation.Bind(parse, UpdateDefence.None));
        UtilitySettings? utility = parse.GetValue(_noUtility)
            ? null
            : new UtilitySettings(parse.GetValue(_clients), parse.GetValue(_images), parse.GetValue(_rounds));
        return new DefenceSweepSpec(
            attack, methods.Contains("all") ? "all" : string.Join(",", methods), defence, parse.GetValue(_values)!,
            utility, DefenceSweepSpec.DefaultTargets);
    }

    private static double ParseValue(string text)
    {
        double v = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(v) ? v : throw new ArgumentException($"a strength must be finite, got '{text}'");
    }
}
