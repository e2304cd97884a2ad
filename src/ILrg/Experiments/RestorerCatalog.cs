using ILrg.Restoration;

namespace ILrg.Experiments;

/// <summary>Label restorers by name.</summary>
public static class RestorerCatalog
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["ilrg", "ilrg-simplified", "ilrg-estimate", .. RestorerRegistry.ObservationOnlyNames.Except(["ilrg", "ilrg-simplified", "ilrg-estimate"])];

    /// <summary>Creates a restorer.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static ILabelRestorer Create(string name, double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "ilrg" => new ILrgRestorer(new ILrgOptions(ILrgVariant.Full, alpha)),
            "ilrg-simplified" => new ILrgRestorer(new ILrgOptions(ILrgVariant.Simplified, alpha)),
            "ilrg-estimate" => new ILrgRestorer(new ILrgOptions(ILrgVariant.Estimate, alpha)),
            _ when Names.Contains(name.ToLowerInvariant()) => RestorerRegistry.Find(name).Create(RestorerContext.ObservationOnly()),
            _ => throw new ArgumentException($"unknown method '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
