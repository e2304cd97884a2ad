namespace ILrg.Data;

/// <summary>How the labels of a sampled batch are distributed (SPEC.md §6).</summary>
public enum BatchDistribution
{
    /// <summary>N distinct indices uniformly from the split.</summary>
    Random,

    /// <summary>m classes, N/m instances each (the remainder goes to the first classes drawn).</summary>
    Balanced,

    /// <summary>m classes with a uniformly random composition of N into m positive parts.</summary>
    Random2,

    /// <summary>Classes 0, 18, 92 with 1, N−2, 1 instances.</summary>
    CustomImbalanced,

    /// <summary>All N instances from one class.</summary>
    Extreme,

    /// <summary>N distinct classes, one instance each.</summary>
    Unique,
}
