using System.Text.Json.Serialization;

namespace ILrg.Audit;

/// <summary>
/// The answer of a <see cref="LabelAudit"/>: per method the counts, the real-valued solution and the certificate, the
/// agreement between methods, and a one-line verdict. Property names are chosen for JSON reports (camelCase:
/// <c>batchSize</c>, <c>classes</c>, <c>verdict</c>, <c>methods</c>, …).
/// </summary>
/// <param name="BatchSize">The N the restoration assumed.</param>
/// <param name="Classes">C.</param>
/// <param name="Verdict">The one-line verdict (<see cref="AuditVerdict.Text"/>).</param>
/// <param name="Strong">True when the primary method's certificate is strong.</param>
/// <param name="Reasons">Why the verdict is inconclusive (empty when strong).</param>
/// <param name="System">The observation's own certificate (iLRG's system, the softmax identities).</param>
/// <param name="Methods">One entry per method, the primary method (<c>ilrg</c>) first.</param>
/// <param name="Agreement">Class-by-class agreement between the methods.</param>
public sealed record LabelAuditResult(
    int BatchSize,
    int Classes,
    string Verdict,
    bool Strong,
    IReadOnlyList<string> Reasons,
    SystemCertificate System,
    IReadOnlyList<MethodAudit> Methods,
    MethodAgreement Agreement)
{
    /// <summary>The primary method's (iLRG's) counts, in class order.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Counts => Methods[0].Counts;

    /// <summary>The entry of <paramref name="method"/>.</summary>
    /// <exception cref="KeyNotFoundException">The method did not run in this audit.</exception>
    public MethodAudit Method(string method) =>
        Methods.FirstOrDefault(m => string.Equals(m.Method, method, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException(
            $"method '{method}' did not run in this audit; it ran {string.Join(", ", Methods.Select(m => m.Method))}");
}
