using System.CommandLine;
using ILrg.Audit;
using ILrg.Cli.Options;
using ILrg.Cli.Views;
using ILrg.Reporting;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg audit</c>: restore the labels of a real client's update held in files (PyTorch, safetensors, npz or ILrg
/// checkpoints) with every method whose needs are met, and say how sure the answer is: a one-line verdict, a table, a
/// JSON report with the run manifest and a self-contained HTML page.
/// </summary>
public static class AuditCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new UpdateFileOptions();
        var architecture = new ArchitectureOptions();
        var methods = new MethodOptions(MethodOptions.Choice.Many);
        var seed = OptionFactory.Seed();
        var outputs = new OutputOptions(
            "Write the audit as JSON (finalLayer, batchSize, classes, verdict, methods, …, manifest) to this path",
            html: "Write a self-contained one-page HTML report to this path");
        var command = new Command("audit", "Restore the labels of a real client's update held in files, with a " +
                                           "certificate and a verdict")
            .With(files, architecture, methods, outputs);
        command.Options.Add(seed);
        command.SetAction(parse => CommandLine.Guarded(error, _ =>
        {
            var (state, update, n, finalLayer) = files.Bind(parse);
            var (arch, shape, aux) = architecture.Bind(parse);
            var (chosen, alpha, auxiliarySize) = methods.Bind(parse);
            FileInfo? report = outputs.Bind(parse).Report;
            FileInfo? html = outputs.BindHtml(parse);
            IReadOnlyList<string>? names = chosen == "all" ? null : chosen.Split(',');
            var request = new FileAuditRequest(state, update, n, finalLayer, arch, shape, names, aux, auxiliarySize,
                alpha, parse.GetValue(seed));
            return Execute(request, report, html, output);
        }));
        return command;
    }

    /// <summary>Runs the audit, prints it and writes the reports; the body of the verb.</summary>
    public static int Execute(FileAuditRequest request, FileInfo? report, FileInfo? html, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = DateTimeOffset.UtcNow;
        IAnsiConsole console = Terminal.For(output);
        FileAuditResult audit = FileAudit.Run(request);
        foreach (string line in AuditViews.Lines(audit))
        {
            console.WriteLine(line);
        }

        console.Write(AuditViews.Methods(audit));
        if (audit.BatchSizeScan is { } scan)
        {
            console.Write(AuditViews.Scan(scan));
            console.WriteLine($"batch size: most consistent N = {scan.MostConsistent}. {scan.Reliability}");
        }

        foreach (string note in audit.Approximations)
        {
            console.WriteLine("approximation: " + note);
        }

        RunManifest manifest = RunManifest.Create("ilrg audit", request.Seed, request, [], started);
        if (report is not null)
        {
            ResultJson.Write(report.FullName, AuditReport.ToJson(audit, manifest));
            console.WriteLine($"report: {report.FullName}");
        }

        if (html is not null)
        {
            ReportFile.WriteAllText(html.FullName, AuditHtml.Render(audit, manifest));
            console.WriteLine($"html: {html.FullName}");
        }

        console.WriteLine("verdict: " + audit.Verdict);
        return ExitCodes.Ok;
    }
}
