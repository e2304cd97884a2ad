namespace ILrg.Audit;

/// <summary>One simulated update of a calibration: the primary method's audit entry, the observation's certificate and
/// whether the counts were right (known only because the update was simulated).</summary>
/// <param name="Setting">Label of the configuration (e.g. "fcn3-mnist").</param>
/// <param name="BatchSize">N.</param>
/// <param name="Trial">Trial index within the configuration.</param>
/// <param name="Correct">True when every restored count of the primary method equals the true count.</param>
/// <param name="Primary">The primary method's (iLRG's) audit entry.</param>
/// <param name="System">The observation's certificate.</param>
/// <param name="CountAgreement">Fraction of classes on which the audit's instance-wise methods agreed.</param>
public sealed record CalibrationTrial(
    string Setting,
    int BatchSize,
    int Trial,
    bool Correct,
    MethodAudit Primary,
    SystemCertificate System,
    double CountAgreement)
{
    /// <summary>Whether <paramref name="thresholds"/> call this certificate strong (the rule of
    /// <see cref="AuditVerdict.Judge"/>, applied again).</summary>
    public bool IsStrong(AuditThresholds thresholds) =>
        AuditVerdict.Judge(Primary, System, BatchSize, thresholds).Strong;
}
