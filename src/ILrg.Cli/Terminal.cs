using ILrg.Reporting;
using Spectre.Console;

namespace ILrg.Cli;

/// <summary>Spectre console over a writer; progress bars only when a person is watching.</summary>
public static class Terminal
{
    /// <summary>A console writing to <paramref name="writer"/>; interactive only for a real, unredirected
    /// terminal.</summary>
    public static IAnsiConsole For(TextWriter writer)
    {
        bool real = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = real ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = real ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = real ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!real)
        {
            console.Profile.Width = 1000; // log files and pipes: one line per trial, no wrapping
        }

        return console;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> steps when interactive; otherwise
    /// the caller's per-step lines are the progress.
    /// </summary>
    public static T WithProgress<T>(IAnsiConsole console, string title, int total, Func<Action, T> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(() => { });
        }

        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(title), maxValue: total);
                return work(() => task.Increment(1));
            });
    }

    /// <summary>Writes <paramref name="value"/> as the JSON report when a path was given, and says where.</summary>
    public static void WriteReport<T>(IAnsiConsole console, FileInfo? report, T value)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (report is null)
        {
            return;
        }

        ResultJson.Write(report.FullName, value);
        console.WriteLine($"report: {report.FullName}");
    }
}
