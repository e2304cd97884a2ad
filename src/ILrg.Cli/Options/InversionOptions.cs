using System.CommandLine;
using System.Globalization;
using ILrg.Inversion;

namespace ILrg.Cli.Options;

/// <summary>What <c>invert</c> does with the update: <c>--inverter</c> (alias <c>--method</c>), <c>--labels</c>,
/// <c>--iterations</c>, <c>--restarts</c>, <c>--tv</c>, <c>--l2</c>, <c>--lr</c>, <c>--early-stop</c>,
/// <c>--label-errors</c>, <c>--expect-gain</c>.</summary>
public sealed class InversionOptions : IOptionGroup
{
    private readonly Option<string> _inverter = OptionFactory.Choice("--inverter", "Gradient inverter", Inverters.Names,
        "ig", "--method");
    private readonly Option<IReadOnlyList<LabelMode>> _labels = OptionFactory.List(
        "--labels", $"Label modes, comma-separated ({string.Join(" | ", LabelModes.Names)})", LabelModes.Parse, "ilrg");

    private readonly Option<int> _iterations = OptionFactory.WholeNumber("--iterations", "Iterations per restart", 1,
        8000);
    private readonly Option<int> _restarts = OptionFactory.WholeNumber("--restarts", "Restarts (best by gradient cost)",
        1, 3);
    private readonly Option<double> _tv = OptionFactory.Number("--tv", "TV prior weight", 1e-4, 0);
    private readonly Option<double> _l2 = OptionFactory.Number("--l2", "L2 prior weight", 0.0, 0);
    private readonly Option<double?> _lr = OptionFactory.OptionalNumber(
        "--lr", "Step size (default: IG 0.1, DLG 1)", 0, exclusiveMinimum: true);

    private readonly Option<int?> _earlyStop = OptionFactory.OptionalInt(
        "--early-stop", "Stop a restart after this many iterations without improvement", 1);

    private readonly Option<IReadOnlyList<int>> _labelErrors = OptionFactory.List(
        "--label-errors",
        "With ilrg: replace k labels by wrong ones; a list (0,1,2,4,8) runs a sweep and plots PSNR vs k",
        ParseCount, "0");

    private readonly Option<double?> _expectGain = OptionFactory.OptionalNumber(
        "--expect-gain", "Exit 2 unless PSNR(ilrg) − PSNR(joint-shared) ≥ this (dB)", double.MinValue);

    /// <inheritdoc />
    public IEnumerable<Option> Options =>
        [_inverter, _labels, _iterations, _restarts, _tv, _l2, _lr, _earlyStop, _labelErrors, _expectGain];

    /// <summary>The inverter, its settings, the label modes, the label-error counts and the expected gain.</summary>
    public (string Inverter, InversionSettings Settings, IReadOnlyList<LabelMode> Modes, IReadOnlyList<int> LabelErrors,
        double? ExpectGain) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string inverter = parse.GetValue(_inverter)!;
        var settings = new InversionSettings(
            parse.GetValue(_iterations), parse.GetValue(_restarts), 0,
            parse.GetValue(_lr) ?? Inverters.DefaultLearningRate(inverter), parse.GetValue(_tv), parse.GetValue(_l2),
            parse.GetValue(_earlyStop));
        return (inverter, settings, parse.GetValue(_labels)!, parse.GetValue(_labelErrors)!,
            parse.GetValue(_expectGain));
    }

    private static int ParseCount(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            ? k
            : throw new ArgumentException($"'{text}' is not a non-negative integer");
}
