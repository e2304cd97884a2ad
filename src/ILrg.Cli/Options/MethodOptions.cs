using System.CommandLine;
using ILrg.Restoration.Registry;

namespace ILrg.Cli.Options;

/// <summary>How labels are restored: <c>--method</c> (one registry name) or <c>--methods</c> (a list, or all),
/// <c>--alpha</c>, <c>--auxiliary-size</c>.</summary>
/// <param name="kind">One method, a list, or none (the verb restores with iLRG).</param>
public sealed class MethodOptions(MethodOptions.Choice kind) : IOptionGroup
{
    private readonly Option<string> _method = OptionFactory.Choice("--method", "Restoration method",
        RestorerRegistry.Names, "ilrg");
    private readonly Option<IReadOnlyList<string>> _methods = OptionFactory.List(
        "--methods", $"'all' or a comma-separated list of: {string.Join(", ", RestorerRegistry.Names)}",
        name => name.Equals("all", StringComparison.OrdinalIgnoreCase) ? "all" : RestorerRegistry.Find(name).Name,
        "all");

    private readonly Option<double> _alpha = OptionFactory.Number(
        "--alpha", "iLRG softmax factor α (SPEC §2)", 1.0, 0, 1e6, exclusiveMinimum: true);

    private readonly Option<int> _auxiliary =
        OptionFactory.WholeNumber("--auxiliary-size", "Held-out images per trial for methods that use auxiliary data",
            1, 64);

    /// <summary>Which method option a verb offers.</summary>
    public enum Choice
    {
        /// <summary>No method option: the verb restores with iLRG.</summary>
        None,

        /// <summary><c>--method</c>: one method.</summary>
        One,

        /// <summary><c>--methods</c>: a list.</summary>
        Many,
    }

    /// <inheritdoc />
    public IEnumerable<Option> Options => kind switch
    {
        Choice.One => [_method, _alpha, _auxiliary],
        Choice.Many => [_methods, _alpha, _auxiliary],
        _ => [_alpha, _auxiliary],
    };

    /// <summary>The method (or the comma list, or "all"), α and the auxiliary size.</summary>
    public (string Methods, double Alpha, int AuxiliarySize) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string methods = kind switch
        {
            Choice.One => parse.GetValue(_method)!,
            Choice.Many => parse.GetValue(_methods)!.Contains("all") ? "all"
                : string.Join(",", parse.GetValue(_methods)!),
            _ => "ilrg",
        };
        return (methods, parse.GetValue(_alpha), parse.GetValue(_auxiliary));
    }
}
