namespace ILrg.Reporting;

/// <summary>Writes report files atomically: the content goes to a temporary file beside the target, then replaces
/// it.</summary>
public static class ReportFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <exception cref="IOException">The folder cannot be created or the file cannot be written; the message names
    /// it.</exception>
    public static void WriteAllText(string path, string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            File.Delete(temporary);
            throw new IOException($"cannot write {full}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks, before any work starts, that <paramref name="path"/> can be written: it is not a folder, its folder
    /// exists or can be created, and a file can be created there.
    /// </summary>
    /// <exception cref="IOException">It cannot; the message names the path and why.</exception>
    public static void CheckWritable(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"cannot write {full}: it is a folder; name a file");
        }

        CheckFolderWritable(Path.GetDirectoryName(full) ?? ".");
    }

    /// <summary>Checks that files can be created in <paramref name="folder"/> (created when missing).</summary>
    /// <exception cref="IOException">They cannot; the message names the folder and why.</exception>
    public static void CheckFolderWritable(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new IOException($"cannot write into {full}: it is a file, not a folder");
        }

        string probe = Path.Combine(full, $".ilrg-write-check.{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(full);
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new IOException($"cannot write into {full}: {e.Message}", e);
        }
    }
}
