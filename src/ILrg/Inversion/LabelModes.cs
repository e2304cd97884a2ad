using ILrg.Reporting;

namespace ILrg.Inversion;

/// <summary>The names of <see cref="LabelMode"/> values (the same on the command line and in reports).</summary>
public static class LabelModes
{
    /// <summary>Every mode's name.</summary>
    public static IReadOnlyList<string> Names => EnumText.Names<LabelMode>();

    /// <summary>The mode named <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static LabelMode Parse(string text) => EnumText.Parse<LabelMode>(text);

    /// <summary>A run's name: the mode's, and for restored labels with k wrong ones "ilrg-k-wrong".</summary>
    public static string Describe(LabelMode mode, int labelErrors = 0) =>
        mode == LabelMode.ILrg && labelErrors > 0 ? $"{EnumText.Of(mode)}-{labelErrors}-wrong" : EnumText.Of(mode);
}
