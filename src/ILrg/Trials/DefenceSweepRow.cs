using ILrg.Federated;
using ILrg.Metrics;

namespace ILrg.Trials;

/// <summary>One strength of a defence sweep.</summary>
/// <param name="Value">The strength.</param>
/// <param name="Setting">"dp 0.001" and the like.</param>
/// <param name="Methods">Attack success per method (LeAcc, LnAcc, IRec with intervals).</param>
/// <param name="Cosine">Mean cosine of the shared update to the undefended one (1 when nothing changes).</param>
/// <param name="CosineCi">Its 95% interval over trials.</param>
/// <param name="Privacy">DP-SGD's (ε, δ) for one attacked client, or null.</param>
/// <param name="Utility">Test accuracy per utility target (empty when utility is skipped).</param>
public sealed record DefenceSweepRow(
    double Value, string Setting, IReadOnlyList<DefenceSweepRow.MethodScore> Methods, double Cosine, Interval CosineCi,
    PrivacySpent? Privacy, IReadOnlyList<DefenceSweepRow.UtilityPoint> Utility)
{
    /// <summary>One method's scores at this strength.</summary>
    /// <param name="Method">Registry name.</param>
    /// <param name="Labels">Its summary over trials.</param>
    public sealed record MethodScore(string Method, LabelSummary Labels);

    /// <summary>Test accuracy of one utility target.</summary>
    /// <param name="Target">The target's name.</param>
    /// <param name="TestAccuracy">Fraction correct.</param>
    /// <param name="Seconds">Wall time of the simulated training.</param>
    public sealed record UtilityPoint(string Target, double TestAccuracy, double Seconds);
}
