using System.Collections;
using System.Diagnostics;
using System.Text;

namespace ILrg.Tests.Unit.Packaging;

/// <summary>Runs a command (usually the dotnet CLI) in a folder and captures its output, with a time limit.</summary>
internal static class DotnetCommand
{
    /// <summary>The dotnet executable the test host runs under (falls back to "dotnet" on PATH).</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; MSBuild variables of the test host are
    /// not passed on, so the child resolves its own SDK and build settings.</summary>
    public static (int ExitCode, string Output) Run(
        string file, string workingDirectory, TimeSpan timeLimit, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.Ordinal))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            string command = $"{file} {string.Join(' ', arguments)}";
            return (-1, $"timed out after {timeLimit.TotalSeconds:F0} s: {command}\n{output}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        return (process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
