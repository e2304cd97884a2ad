using System.Globalization;

namespace ILrg.Performance;

/// <summary>
/// The peak resident set size of one stretch of work, on Linux: writing "5" to <c>/proc/self/clear_refs</c> resets the
/// process's high-water mark (VmHWM) to its current RSS, and VmHWM read from <c>/proc/self/status</c> afterwards is the
/// peak of the stretch. Elsewhere, or where the reset is refused, the peak is null and the reading says why: a VmHWM
/// that was not reset is the whole process's peak, not the stretch's.
/// </summary>
public sealed class PeakMemory
{
    private const string ClearRefs = "/proc/self/clear_refs";
    private const string Status = "/proc/self/status";
    private const double KiBPerMiB = 1024;
    private readonly double? _before;
    private readonly string? _resetFailure;

    private PeakMemory(double? before, string? resetFailure)
    {
        _before = before;
        _resetFailure = resetFailure;
    }

    /// <summary>Reads the RSS and resets the peak; call <see cref="Finish"/> when the stretch ends.</summary>
    public static PeakMemory Start()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new PeakMemory(null, "peak RSS is read from /proc, which only Linux has");
        }

        double? before = ReadMiB("VmRSS");
        try
        {
            File.WriteAllText(ClearRefs, "5");
            return new PeakMemory(before, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PeakMemory(before, $"peak RSS not measured: {ClearRefs} could not be written ({e.Message})");
        }
    }

    /// <summary>The RSS before and the peak since <see cref="Start"/>.</summary>
    public MemoryReading Finish()
    {
        if (_resetFailure is not null)
        {
            return new MemoryReading(_before, null, _resetFailure);
        }

        double? peak = ReadMiB("VmHWM");
        return new MemoryReading(_before, peak, peak is null ? $"peak RSS not measured: no VmHWM in {Status}" : null);
    }

    /// <summary>A "Field:   1234 kB" line of a /proc status text in MiB; null when absent or malformed.</summary>
    public static double? ParseMiB(string statusText, string field)
    {
        ArgumentNullException.ThrowIfNull(statusText);
        foreach (string line in statusText.Split('\n'))
        {
            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == field + ":" && parts[2] == "kB"
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
            {
                return kib / KiBPerMiB;
            }
        }

        return null;
    }

    private static double? ReadMiB(string field)
    {
        try
        {
            return ParseMiB(File.ReadAllText(Status), field);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
