namespace ILrg.Audit;

/// <summary>A registered attack that did not run in an audit, and why.</summary>
/// <param name="Method">The registry name.</param>
/// <param name="Reason">What it needs that the auditor did not give, e.g. "needs the model (--arch)".</param>
public sealed record SkippedMethod(string Method, string Reason);
