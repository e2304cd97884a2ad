namespace ILrg.Claims;

/// <summary>Which disagreement with the paper's figure fails a check (docs/claims-statistics.md).</summary>
public enum CheckSide
{
    /// <summary>The paper's figure is a measurement to reproduce: ILrg significantly above or below it fails.</summary>
    TwoSided,

    /// <summary>The paper claims at least this (iLRG's own figures): only ILrg significantly below it fails; above is
    /// reported as "above paper".</summary>
    AtLeast,

    /// <summary>The paper shows a method failing (at most this): only ILrg significantly above it fails.</summary>
    AtMost,
}
