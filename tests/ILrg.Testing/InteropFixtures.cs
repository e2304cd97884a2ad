using System.Text.Json;

namespace ILrg.Testing;

/// <summary>
/// The committed interop fixtures (tests/fixtures/interop, written by real PyTorch with make_fixtures.py) and the
/// paper's gradient-inversion parity fixtures (tests/fixtures/ig-parity). Tests read only these files: no Python.
/// </summary>
public static class InteropFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder tests/fixtures of the repository.</summary>
    public static string Folder => Root.Value;

    /// <summary>The path of a file under tests/fixtures/interop, e.g. <c>Interop("fcn", "model.pt")</c>.</summary>
    /// <exception cref="FileNotFoundException">The fixture is not there.</exception>
    public static string Interop(params string[] parts) => Existing(Path.Combine([Folder, "interop", .. parts]));

    /// <summary>The path of a file under tests/fixtures/ig-parity, e.g. <c>IgParity("a", "model.npz")</c>.</summary>
    /// <exception cref="FileNotFoundException">The fixture is not there.</exception>
    public static string IgParity(params string[] parts) => Existing(Path.Combine([Folder, "ig-parity", .. parts]));

    /// <summary>The parsed meta.json of an interop case ("fcn" or "cnn").</summary>
    public static JsonElement Meta(string model)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Interop(model, "meta.json")));
        return doc.RootElement.Clone();
    }

    /// <summary>The true per-class counts recorded in a case's meta.json.</summary>
    public static int[] TrueCounts(string model) =>
        [.. Meta(model).GetProperty("counts").EnumerateArray().Select(e => e.GetInt32())];

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"fixture {path} is missing", path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ILrg.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "fixtures");
            }
        }

        throw new DirectoryNotFoundException($"no ILrg.sln above {AppContext.BaseDirectory}");
    }
}
