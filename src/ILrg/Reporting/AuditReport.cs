using System.Text.Json;
using System.Text.Json.Nodes;
using ILrg.Audit;

namespace ILrg.Reporting;

/// <summary>
/// The JSON report of a label audit, relied on by scripts: every field of <see cref="FileAuditResult"/> at the top
/// level (<c>finalLayer</c>, <c>batchSize</c>, <c>classes</c>, <c>verdict</c>, <c>methods</c>, <c>approximations</c>,
/// <c>inputs</c>, …) and the run <c>manifest</c>.
/// </summary>
public static class AuditReport
{
    /// <summary>The report as a JSON object.</summary>
    public static JsonObject ToJson(FileAuditResult audit, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(manifest);
        JsonObject report = JsonSerializer.SerializeToNode(audit, ResultJson.Options)!.AsObject();
        report["manifest"] = JsonSerializer.SerializeToNode(manifest, ResultJson.Options);
        return report;
    }
}
