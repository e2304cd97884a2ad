namespace ILrg.Inversion;

/// <summary>The gradient inverters by name.</summary>
public static class Inverters
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ig", "dlg"];

    /// <summary>Builds the inverter <paramref name="name"/> with <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static IGradientInverter Create(string name, InversionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "ig" => new InvertingGradients(settings),
            "dlg" => new DeepLeakage(settings),
            _ => throw new ArgumentException($"unknown inverter '{name}'; known: {string.Join(", ", Names)}",
                nameof(name)),
        };
    }

    /// <summary>The step size an inverter starts from unless told otherwise (IG: Adam 0.1; DLG: L-BFGS 1).</summary>
    public static double DefaultLearningRate(string name) =>
        string.Equals(name, "dlg", StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.1;
}
