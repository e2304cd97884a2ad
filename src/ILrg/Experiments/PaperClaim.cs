namespace ILrg.Experiments;

/// <summary>A claim of the paper that a suite checks, with the experiment that measures it.</summary>
/// <param name="Id">Stable identifier (used in reports and goldens).</param>
/// <param name="Title">Human description.</param>
/// <param name="Experiment">The configuration run.</param>
/// <param name="Checks">The gated figures.</param>
/// <param name="Note">Why the setting differs from the paper, if it does (e.g. a synthetic stand-in).</param>
public sealed record PaperClaim(
    string Id, string Title, ExperimentSpec Experiment, IReadOnlyList<ClaimCheck> Checks, string? Note = null);
