namespace ILrg.Restoration;

/// <summary>Which iLRG system to build (SPEC.md §2.7).</summary>
public enum ILrgVariant
{
    /// <summary>All C classes are unknowns; probabilities from the recovered class embeddings.</summary>
    Full,

    /// <summary>Only classes judged present are unknowns; all C gradient rows are kept.</summary>
    Simplified,

    /// <summary>Every class-wise probability vector replaced by the uniform 1/C vector.</summary>
    Estimate,
}
