using System.CommandLine;
using ILrg.Performance;

namespace ILrg.Cli.Options;

/// <summary>What <c>bench</c> runs and compares: <c>--quick</c>, <c>--rows</c>, <c>--trials</c>, <c>--repeats</c>,
/// <c>--baseline</c>, <c>--tolerance</c>, <c>--list</c>.</summary>
public sealed class BenchOptions : IOptionGroup
{
    private readonly Option<bool> _quick = new("--quick")
    {
        Description = "The quick subset with few trials and repeats (under a minute on 2 cores)",
    };

    private readonly Option<IReadOnlyList<string>?> _rows = OptionFactory.OptionalList(
        "--rows", $"Rows to run, comma-separated ({string.Join(" | ", BenchRows.Names)}) [default: all]",
        name => BenchRows.Find(name).Name);

    private readonly Option<int?> _trials = OptionFactory.OptionalInt(
        "--trials", "Trials T of every trial row, the first a warm-up [default: each row's own]", 1);

    private readonly Option<int?> _repeats = OptionFactory.OptionalInt(
        "--repeats", "Timed restorations or inversion iterations K, after one warm-up [default: each row's own]", 1);

    private readonly Option<FileInfo?> _baseline = new("--baseline")
    {
        Description = "An earlier bench --report: print new/old per row, exit 2 when a row is slower than --tolerance",
    };

    private readonly Option<double?> _tolerance = OptionFactory.OptionalNumber(
        "--tolerance", $"With --baseline: the largest new/old that passes [default: " +
                       $"{BaselineComparison.DefaultTolerance:0.##}, i.e. 25% slower]", 1, exclusiveMinimum: true);

    private readonly Option<bool> _list = new("--list") { Description = "List the rows and what each measures" };

    /// <inheritdoc />
    public IEnumerable<Option> Options => [_quick, _rows, _trials, _repeats, _baseline, _tolerance, _list];

    /// <summary>The rows with their counts, the configuration for the manifest, the baseline file and whether only to
    /// list the rows.</summary>
    /// <exception cref="ArgumentException"><c>--tolerance</c> without <c>--baseline</c>.</exception>
    public (IReadOnlyList<BenchRow> Rows, BenchConfiguration Configuration, FileInfo? Baseline, bool List) Bind(
        ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        bool quick = parse.GetValue(_quick);
        int? trials = parse.GetValue(_trials), repeats = parse.GetValue(_repeats);
        FileInfo? baseline = parse.GetValue(_baseline);
        double? tolerance = parse.GetValue(_tolerance);
        if (tolerance is not null && baseline is null)
        {
            throw new ArgumentException("--tolerance needs --baseline: it is the largest new/old that passes");
        }

        IReadOnlyList<BenchRow> rows = BenchRows.Select(parse.GetValue(_rows), quick, trials, repeats);
        var configuration = new BenchConfiguration(
            [.. rows.Select(r => r.Name)], quick, trials, repeats, baseline?.FullName,
            tolerance ?? BaselineComparison.DefaultTolerance);
        return (rows, configuration, baseline, parse.GetValue(_list));
    }
}
