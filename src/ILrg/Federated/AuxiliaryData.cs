using System.Globalization;

namespace ILrg.Federated;

/// <summary>The attacker's auxiliary images in a <see cref="ThreatModel"/>.</summary>
/// <param name="PerClass">Images per class (balanced), or null.</param>
/// <param name="Total">Images drawn uniformly when not per class, or null.</param>
/// <param name="Source">Where they come from (e.g. "held-out test images of mnist").</param>
public sealed record AuxiliaryData(int? PerClass, int? Total, string Source)
{
    /// <summary>"aux 100/class (…)" or "aux 64 (…)".</summary>
    public string Describe() => PerClass is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"aux {p}/class ({Source})")
        : string.Create(CultureInfo.InvariantCulture, $"aux {Total} ({Source})");
}
