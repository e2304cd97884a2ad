using System.CommandLine;
using ILrg.Federated;

namespace ILrg.Cli.Options;

/// <summary>The defence on the shared update (SPEC.md §7, issue 11): <c>--defence</c> and
/// <c>--defence-strength</c>.</summary>
public sealed class DefenceOptions : IOptionGroup
{
    private readonly Option<string> _defence = OptionFactory.Choice(
        "--defence", "Defence on the shared update", ["none", "dp", "clip", "sparse", "topk", "quant", "soteria"],
            "none");

    private readonly Option<double?> _strength = OptionFactory.OptionalNumber(
        "--defence-strength",
        "dp: noise σ; clip: norm bound; sparse and soteria: percent pruned; topk: entries kept; quant: bits (1 = sign)",
        double.MinValue);

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_defence, _strength];

    /// <summary>The defence.</summary>
    /// <exception cref="ArgumentException">A defence without a strength, a strength without a defence, or an invalid
    /// strength.</exception>
    public UpdateDefence Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        DefenceKind kind = UpdateDefence.Parse(parse.GetValue(_defence)!);
        double? strength = parse.GetValue(_strength);
        if (kind == DefenceKind.None)
        {
            return strength is null
                ? UpdateDefence.None
                : throw new ArgumentException(
                    "--defence-strength needs --defence (dp, clip, sparse, topk, quant, soteria)");
        }

        if (strength is not { } s)
        {
            throw new ArgumentException($"--defence {UpdateDefence.NameOf(kind)} needs --defence-strength");
        }

        var defence = new UpdateDefence(kind, s);
        try
        {
            defence.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--defence-strength: {e.Message}", e);
        }

        return defence;
    }
}
