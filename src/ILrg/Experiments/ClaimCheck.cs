namespace ILrg.Experiments;

/// <summary>One gated figure of a claim: the metric, the paper's value, and the threshold from SPEC.md / the issue.</summary>
/// <param name="Metric">leAcc, lnAcc, iRec or exactBatchRate.</param>
/// <param name="Paper">The paper's figure (SPEC.md §9), or null when the paper has none.</param>
/// <param name="Threshold">Pass when measured ≥ threshold.</param>
public sealed record ClaimCheck(string Metric, double? Paper, double Threshold);
