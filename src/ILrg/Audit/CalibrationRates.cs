using ILrg.Metrics;

namespace ILrg.Audit;

/// <summary>How a set of thresholds did on simulated updates with known truth.</summary>
/// <param name="Trials">Updates scored.</param>
/// <param name="Correct">Updates whose counts were all right.</param>
/// <param name="Strong">Updates called strong.</param>
/// <param name="StrongWrong">Strong updates whose counts were wrong.</param>
/// <param name="CorrectInconclusive">Updates with right counts called inconclusive.</param>
public sealed record CalibrationRates(int Trials, int Correct, int Strong, int StrongWrong, int CorrectInconclusive)
{
    /// <summary>Fraction of strong certificates that came with wrong counts (0 when none was strong).</summary>
    public double StrongWrongRate => Strong == 0 ? 0.0 : (double)StrongWrong / Strong;

    /// <summary>Wilson 95% interval of <see cref="StrongWrongRate"/> (null when none was strong).</summary>
    public Interval? StrongWrongInterval => Strong == 0 ? null : Interval.Wilson(StrongWrong, Strong);

    /// <summary>Fraction of right restorations called inconclusive (0 when none was right).</summary>
    public double CorrectInconclusiveRate => Correct == 0 ? 0.0 : (double)CorrectInconclusive / Correct;

    /// <summary>Scores <paramref name="trials"/> under <paramref name="thresholds"/>.</summary>
    public static CalibrationRates Of(IReadOnlyCollection<CalibrationTrial> trials, AuditThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(trials);
        int correct = 0, strong = 0, strongWrong = 0, correctInconclusive = 0;
        foreach (CalibrationTrial t in trials)
        {
            bool s = t.IsStrong(thresholds);
            correct += t.Correct ? 1 : 0;
            strong += s ? 1 : 0;
            strongWrong += s && !t.Correct ? 1 : 0;
            correctInconclusive += !s && t.Correct ? 1 : 0;
        }

        return new CalibrationRates(trials.Count, correct, strong, strongWrong, correctInconclusive);
    }
}
