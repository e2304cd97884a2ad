using System.Globalization;

namespace ILrg.Performance;

/// <summary>How busy the machine was: timings from a machine whose cores other work shares are slower and noisier, so
/// every bench row records the load next to its figures.</summary>
public static class MachineLoad
{
    /// <summary>The 1-minute load average (runnable processes, averaged) from <c>/proc/loadavg</c>; null where there is
    /// none (not Linux) or it cannot be read.</summary>
    public static double? OneMinute()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? Parse(File.ReadAllText("/proc/loadavg")) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first field of a /proc/loadavg text; null when it is not a number.</summary>
    public static double? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string first = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
    }
}
