using System.CommandLine;
using ILrg.Numerics;

namespace ILrg.Cli.Options;

/// <summary><c>--shard i/n</c>: run only shard i of n of the work units and write a partial report for
/// <c>ilrg merge</c>.</summary>
public sealed class ShardOptions : IOptionGroup
{
    private readonly Option<WorkShard?> _shard = new("--shard")
    {
        Description = "Run shard i of n (1 ≤ i ≤ n) of the work units; --report then writes a partial report for " +
                      "'ilrg merge'",
        HelpName = "i/n",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            try
            {
                return WorkShard.Parse(text);
            }
            catch (ArgumentException e)
            {
                result.AddError($"--shard: {e.Message}");
                return null;
            }
        },
    };

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_shard];

    /// <summary>The shard, or null.</summary>
    public WorkShard? Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(_shard);
    }
}
