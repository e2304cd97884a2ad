namespace ILrg.Audit;

/// <summary>One input file of an audit, identified by its checksum.</summary>
/// <param name="Role">What it is to the audit (model state, gradients, weights after, …).</param>
/// <param name="Path">Its full path.</param>
/// <param name="Format">The format recognised from its bytes (for folders: "folder").</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex (null for folders).</param>
public sealed record AuditedFile(string Role, string Path, string Format, long Bytes, string? Sha256);
