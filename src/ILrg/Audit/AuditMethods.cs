using ILrg.Restoration.Registry;
using ILrg.Restoration;

namespace ILrg.Audit;

/// <summary>
/// The audit's one link to the restorer registry: which registered methods need nothing but the observation (and a
/// seed), and how to build them.
/// </summary>
internal static class AuditMethods
{
    /// <summary>The method the verdict is judged on (the one the thresholds were calibrated for).</summary>
    public const string Primary = "ilrg";

    /// <summary>Observation-only attacks of the registry, <see cref="Primary"/> first.</summary>
    public static IReadOnlyList<string> Available { get; } =
        [Primary, .. RestorerRegistry.ObservationOnlyNames.Where(n => n != Primary)];

    /// <summary>The restorers of <paramref name="names"/> (null: all available), <see cref="Primary"/> first.</summary>
    /// <exception cref="ArgumentException">A name unknown, or of a method that needs more than the observation.
    /// </exception>
    public static IReadOnlyList<ILabelRestorer> Create(IReadOnlyList<string>? names, ulong seed)
    {
        IEnumerable<string> chosen = names ?? Available;
        var restorers = new List<ILabelRestorer>();
        foreach (string name in new[] { Primary }.Concat(chosen).Select(n => n.Trim().ToLowerInvariant()).Distinct())
        {
            if (!Available.Contains(name))
            {
                string why = RestorerRegistry.Names.Contains(name)
                    ? $"method '{name}' needs more than the observation (a model, auxiliary data or the truth)"
                    : $"unknown method '{name}'";
                throw new ArgumentException(
                    $"{why}; a label audit from W, b, g_W, g_b and N can run: {string.Join(", ", Available)}",
                    nameof(names));
            }

            restorers.Add(RestorerRegistry.Find(name).Create(RestorerContext.ObservationOnly(seed)));
        }

        return restorers;
    }
}
