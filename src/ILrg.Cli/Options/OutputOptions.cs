using System.CommandLine;
using ILrg.Reporting;

namespace ILrg.Cli.Options;

/// <summary>Where results go: <c>--report</c> (JSON with the run manifest), and per verb <c>--plot</c> (PNG) and
/// <c>--out</c> (a folder).</summary>
/// <param name="reportDescription">What the verb writes with <c>--report</c>.</param>
/// <param name="plot">Offer <c>--plot</c>.</param>
/// <param name="outFolder">Offer <c>--out</c> with this description (required when offered).</param>
/// <param name="html">Offer <c>--html</c> with this description (a self-contained HTML page).</param>
public sealed class OutputOptions(
    string reportDescription = "Write the result as JSON (with the run manifest) to this path", bool plot = false,
    string? outFolder = null, string? html = null) : IOptionGroup
{
    private readonly Option<FileInfo?> _report = new("--report") { Description = reportDescription };
    private readonly Option<FileInfo?> _plot = new("--plot") { Description = "Write the curve as PNG to this path" };
    private readonly Option<DirectoryInfo> _out = new("--out") { Description = outFolder, Required = true };
    private readonly Option<FileInfo?> _html = new("--html") { Description = html };

    /// <inheritdoc />
    public IEnumerable<Option> Options
    {
        get
        {
            yield return _report;
            if (plot)
            {
                yield return _plot;
            }

            if (outFolder is not null)
            {
                yield return _out;
            }

            if (html is not null)
            {
                yield return _html;
            }
        }
    }

    /// <summary>The <c>--html</c> path (null when not offered or not given), checked writable before any work.
    /// </summary>
    /// <exception cref="IOException">It cannot be written.</exception>
    public FileInfo? BindHtml(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        FileInfo? page = html is null ? null : parse.GetValue(_html);
        if (page is not null)
        {
            ReportFile.CheckWritable(page.FullName);
        }

        return page;
    }

    /// <summary>The report path, the plot path and the output folder (each null when not offered or not given), each
    /// checked writable before any work starts.</summary>
    /// <exception cref="IOException">An output cannot be written.</exception>
    public (FileInfo? Report, FileInfo? Plot, DirectoryInfo? Out) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        FileInfo? report = parse.GetValue(_report);
        FileInfo? png = plot ? parse.GetValue(_plot) : null;
        DirectoryInfo? folder = outFolder is null ? null : parse.GetValue(_out);
        foreach (FileInfo file in new[] { report, png }.OfType<FileInfo>())
        {
            ReportFile.CheckWritable(file.FullName);
        }

        if (folder is not null)
        {
            ReportFile.CheckFolderWritable(folder.FullName);
        }

        return (report, png, folder);
    }
}
