using ILrg.Restoration.Registry;
using ILrg.Restoration;

namespace ILrg.Audit;

/// <summary>
/// The audit's one link to the restorer registry: which registered attacks the auditor's inputs allow (the observation
/// alone, or with a model and auxiliary images), and how to build them.
/// </summary>
internal static class AuditMethods
{
    /// <summary>The method the verdict is judged on (the one the thresholds were calibrated for).</summary>
    public const string Primary = "ilrg";

    /// <summary>Observation-only attacks of the registry, <see cref="Primary"/> first.</summary>
    public static IReadOnlyList<string> Available { get; } =
        [Primary, .. RestorerRegistry.ObservationOnlyNames.Where(n => n != Primary)];

    /// <summary>The attacks whose needs <paramref name="context"/> meets (null: the observation only),
    /// <see cref="Primary"/> first, in registry order.</summary>
    public static IReadOnlyList<string> AvailableWith(RestorerContext? context) => context is null
        ? Available
        : [Primary, .. RestorerRegistry.All
            .Where(d => d.Bound == RestorerBound.None && d.Name != Primary && Missing(d, context) is null)
            .Select(d => d.Name)];

    /// <summary>Why <paramref name="method"/> cannot run with <paramref name="context"/> ("needs the model
    /// (--arch)"), or null when it can (bounds never run in an audit).</summary>
    public static string? Missing(RestorerDescriptor method, RestorerContext? context)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Bound != RestorerBound.None)
        {
            return "is a reference bound (the truth or a random guess), not an attack";
        }

        bool model = context?.Model is not null && context.InputShape is not null;
        return method.Inputs switch
        {
            var i when i.HasFlag(RestorerInputs.AuxiliaryData) && !(model && context!.Auxiliary is not null) =>
                "needs the model and auxiliary images (--arch and --aux-data)",
            var i when i.HasFlag(RestorerInputs.Model) && !model => "needs the model (--arch)",
            // The FedAvg-aware methods rescale a raw local update with the client's hyper-parameters themselves; the
            // audit's observation is already the mean-gradient approximation, so they would scale it twice.
            var i when i.HasFlag(RestorerInputs.LocalHyperParameters) && context?.Local is null =>
                "needs the raw local update with the client's hyper-parameters (simulated FedAvg: ilrg compare " +
                "--protocol fedavg); the audit already turns a FedAvg update into the mean-gradient approximation",
            _ => null,
        };
    }

    /// <summary>The restorers of <paramref name="names"/> (null: all available), <see cref="Primary"/> first.</summary>
    /// <exception cref="ArgumentException">A name unknown, or of a method whose needs the context does not meet.
    /// </exception>
    public static IReadOnlyList<ILabelRestorer> Create(
        IReadOnlyList<string>? names, ulong seed, RestorerContext? context = null)
    {
        IReadOnlyList<string> available = AvailableWith(context);
        IEnumerable<string> chosen = names ?? available;
        RestorerContext full = context is null ? RestorerContext.ObservationOnly(seed) : context with { Seed = seed };
        var restorers = new List<ILabelRestorer>();
        foreach (string name in new[] { Primary }.Concat(chosen).Select(n => n.Trim().ToLowerInvariant()).Distinct())
        {
            if (!available.Contains(name))
            {
                string why = !RestorerRegistry.Names.Contains(name)
                    ? $"unknown method '{name}'"
                    : context is null
                        ? $"method '{name}' needs more than the observation (a model, auxiliary data or the truth)"
                        : $"method '{name}' {Missing(RestorerRegistry.Find(name), context)}";
                throw new ArgumentException(
                    $"{why}; this label audit can run: {string.Join(", ", available)}", nameof(names));
            }

            restorers.Add(RestorerRegistry.Find(name).Create(full));
        }

        return restorers;
    }
}
