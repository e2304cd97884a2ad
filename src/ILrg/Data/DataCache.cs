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
    /// that parallel test processes do not download the same file twice.</summary>
    public static T WithLock<T>(string directory, string name, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Directory.CreateDirectory(directory);
        string lockPath = Path.Combine(directory, name + ".lock");
        DateTime deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                using var handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return action();
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(lockPath))
            {
                Thread.Sleep(200);
            }
        }
    }
}
