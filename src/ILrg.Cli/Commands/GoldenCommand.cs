using System.CommandLine;
using System.Text.Json;
using ILrg.Claims.Snapshots;
using ILrg.Data;
using ILrg.Reporting;
using Spectre.Console;

namespace ILrg.Cli.Commands;

/// <summary>
/// <c>ilrg golden diff</c>: reruns the golden matrix (every registered restorer, FCN-3 / MNIST and LeNet-5 / stand-in,
/// N = 24 and 64) and prints, per restorer and trial, which counts moved from golden/ and how the metrics moved. Exit 0
/// when nothing moved, 2 when something did. Goldens change only through the tests' ILRG_UPDATE_GOLDEN=1 switch.
/// </summary>
public static class GoldenCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Option<DirectoryInfo?>("--golden-dir")
        {
            Description = "The golden/ folder (default: the one beside ILrg.sln above the current folder)",
        };
        var only = new Option<string?>("--only") { Description = "Only configurations whose name contains this" };
        var diff = new Command("diff", "Rerun the golden restorer matrix and print which counts and metrics moved")
        {
            folder, only,
        };
        diff.SetAction(parse => CommandLine.Guarded(error, _ =>
            Execute(parse.GetValue(folder) ?? FindGolden(), parse.GetValue(only), output, error)));
        return new Command("golden", "Regression snapshots of every restorer's counts") { diff };
    }

    /// <summary>Diffs every configuration (or those matching <paramref name="only"/>) against
    /// <paramref name="folder"/>.</summary>
    public static int Execute(DirectoryInfo folder, string? only, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(folder);
        IAnsiConsole console = Terminal.For(output);
        var matrix = RestorerSnapshots.Matrix
            .Where(m => only is null || m.Name.Contains(only, StringComparison.Ordinal)).ToList();
        if (matrix.Count == 0)
        {
            throw new ArgumentException($"--only '{only}' names no configuration; known: " +
                                        string.Join(", ", RestorerSnapshots.Matrix.Select(m => m.Name)));
        }

        int moved = 0;
        foreach (var (name, spec) in matrix)
        {
            string path = Path.Combine(folder.FullName, RestorerSnapshots.GoldenName(name) + ".json");
            RestorerSnapshot golden = ReadGolden(path);
            IImageDataset data = DatasetCatalog.Open(spec.Dataset, error.WriteLine);
            RestorerSnapshot now = RestorerSnapshots.Take(name, spec, data);
            IReadOnlyList<string> lines = RestorerSnapshots.Diff(golden, now);
            console.WriteLine(lines.Count == 0 ? $"{name}: no count moved" : $"{name}: {lines.Count} change(s)");
            foreach (string line in lines)
            {
                console.WriteLine("  " + line);
            }

            moved += lines.Count;
        }

        console.WriteLine(moved == 0
            ? "Every restorer's counts equal the goldens."
            : "Counts moved. If intended: ILRG_UPDATE_GOLDEN=1 ./run-tests.sh --filter " +
              "\"FullyQualifiedName~Golden\", and say why in the commit.");
        return moved == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static RestorerSnapshot ReadGolden(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no golden {path}; create it with ILRG_UPDATE_GOLDEN=1 ./run-tests.sh " +
                                            "--filter \"FullyQualifiedName~Golden\"");
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.GetProperty("data").Deserialize<RestorerSnapshot>(ResultJson.Options)
                   ?? throw new InvalidDataException($"{path}: empty data");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a restorer snapshot ({e.Message})", e);
        }
    }

    private static DirectoryInfo FindGolden()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ILrg.sln")))
            {
                return new DirectoryInfo(Path.Combine(dir.FullName, "golden"));
            }
        }

        throw new ArgumentException("no ILrg.sln above the current folder; pass --golden-dir");
    }
}
