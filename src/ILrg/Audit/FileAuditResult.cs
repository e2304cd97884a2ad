using ILrg.Data;
using ILrg.Interop;

namespace ILrg.Audit;

/// <summary>
/// The answer of <see cref="FileAudit.Run"/>: the final layer used and why, the batch size, per method the counts, the
/// real-valued solution and the certificate, the one-line verdict, what was approximated and the inputs' checksums.
/// Property names are the JSON report's (camelCase: <c>finalLayer</c>, <c>batchSize</c>, <c>classes</c>,
/// <c>verdict</c>, <c>methods</c>, …).
/// </summary>
/// <param name="FinalLayer">The final layer used, and why.</param>
/// <param name="BatchSize">The N of the restoration (the most consistent one when a range was scanned).</param>
/// <param name="Classes">C.</param>
/// <param name="Verdict">"labels recoverable: k classes, certificate strong" or "inconclusive because …".</param>
/// <param name="Strong">True when iLRG's certificate is strong.</param>
/// <param name="Reasons">Why the verdict is inconclusive (empty when strong).</param>
/// <param name="Methods">Per method (iLRG first): counts, solution, certificate.</param>
/// <param name="System">The observation's own certificate (rank and condition of iLRG's system, softmax identities).
/// </param>
/// <param name="Agreement">Class-by-class agreement between the methods.</param>
/// <param name="Update">How the update became the observation.</param>
/// <param name="Approximations">Every approximation the answer rests on, one sentence each (empty when none).</param>
/// <param name="Inputs">The files read, with their SHA-256.</param>
/// <param name="Skipped">Registered attacks that did not run, and what they need.</param>
/// <param name="BatchSizeScan">The scan over N when a range was given, else null.</param>
/// <param name="Architecture">The architecture the model state was loaded into, or null.</param>
/// <param name="InputShape">Its input shape, or null.</param>
public sealed record FileAuditResult(
    FinalLayer FinalLayer,
    int BatchSize,
    int Classes,
    string Verdict,
    bool Strong,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<MethodAudit> Methods,
    SystemCertificate System,
    MethodAgreement Agreement,
    AuditedUpdate Update,
    IReadOnlyList<string> Approximations,
    IReadOnlyList<AuditedFile> Inputs,
    IReadOnlyList<SkippedMethod> Skipped,
    BatchSizeScanSummary? BatchSizeScan,
    string? Architecture,
    ImageShape? InputShape);
