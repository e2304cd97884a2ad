namespace ILrg.Audit;

/// <summary>One method's restoration within an audit.</summary>
/// <param name="Method">The registry name (e.g. <c>ilrg</c>).</param>
/// <param name="InstanceWise">True when <see cref="Counts"/> are counts, false when they only mark presence (1/0).
/// </param>
/// <param name="Counts">Restored count per class, in class order (C integers).</param>
/// <param name="Solution">The real-valued solution before rounding, when the method has one (the iLRG family).</param>
/// <param name="Certificate">What the observation says about these counts.</param>
public sealed record MethodAudit(
    string Method,
    bool InstanceWise,
    IReadOnlyList<int> Counts,
    IReadOnlyList<double>? Solution,
    AuditCertificate Certificate);
