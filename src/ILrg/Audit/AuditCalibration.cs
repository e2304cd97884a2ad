using ILrg.Restoration;

namespace ILrg.Audit;

/// <summary>
/// Calibrates the verdict's thresholds on simulated updates where the truth is known: collect the certificates of many
/// updates (<see cref="Collect"/>), choose the thresholds that call as many right restorations strong as possible
/// while keeping wrong ones out (<see cref="Fit"/>), and measure the rates on other updates
/// (<see cref="CalibrationRates.Of"/>).
/// </summary>
public static class AuditCalibration
{
    private static double RoundUp3(double value)
    {
        if (value <= 0)
        {
            return value;
        }

        double scale = Math.Pow(10, 2 - Math.Floor(Math.Log10(value)));
        return Math.Ceiling(value * scale - 1e-9) / scale; // the tolerance keeps 0.02 at 0.02
    }

    /// <summary>Candidate boundary distances of the fit: 0, 0.01, …, 0.45.</summary>
    private static readonly double[] DistanceGrid = Enumerable.Range(0, 46).Select(i => i / 100.0).ToArray();

    /// <summary>
    /// Audits <paramref name="trials"/> updates drawn from <paramref name="source"/> (trial index → observation and
    /// true counts) and records the primary method's certificate and whether its counts were right.
    /// </summary>
    public static IReadOnlyList<CalibrationTrial> Collect(
        string setting, Func<int, (LastLayerObservation Observation, int[] Truth)> source, int trials,
        LabelAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var collected = new List<CalibrationTrial>(trials);
        for (int t = 0; t < trials; t++)
        {
            (LastLayerObservation observation, int[] truth) = source(t);
            LabelAuditResult audit = LabelAudit.Run(observation, options);
            collected.Add(new CalibrationTrial(
                setting, observation.BatchSize, t, audit.Counts.SequenceEqual(truth), audit.Methods[0], audit.System,
                audit.Agreement.CountAgreement));
        }

        return collected;
    }

    /// <summary>
    /// The thresholds that call the most right restorations strong while the fraction of strong certificates with
    /// wrong counts stays at or below <paramref name="maxStrongWrongRate"/>. Among equally good choices the strictest
    /// is taken (largest boundary distance, then smallest residual), so that nothing is loosened beyond what the data
    /// needed. The sum-defect bound is 10× the largest defect seen (round-off of genuine gradients), rounded up to a
    /// power of ten.
    /// </summary>
    /// <exception cref="ArgumentException">No trials, or none with right counts.</exception>
    public static AuditThresholds Fit(IReadOnlyList<CalibrationTrial> trials, double maxStrongWrongRate)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (!trials.Any(t => t.Correct))
        {
            throw new ArgumentException("calibration needs trials with right counts", nameof(trials));
        }

        double largestDefect = trials.Max(t => Math.Max(t.System.BiasSumDefect, t.System.WeightSumDefect));
        double defectBound = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(largestDefect, 1e-12) * 10)));
        AuditThresholds? best = null;
        int bestCovered = -1;
        foreach (double distance in DistanceGrid.Reverse())
        {
            // The residual check is independent of the others: pass the rest with no residual bound, then sweep the
            // bound over the passing trials' residuals in ascending order.
            var open = new AuditThresholds(distance, double.MaxValue, defectBound);
            CalibrationTrial[] passing = trials.Where(t => t.IsStrong(open))
                .OrderBy(t => t.Primary.Certificate.BiasResidual ?? 0).ToArray();
            int strong = 0, wrong = 0;
            for (int i = 0; i < passing.Length; i++)
            {
                strong++;
                wrong += passing[i].Correct ? 0 : 1;
                double residual = passing[i].Primary.Certificate.BiasResidual ?? 0;
                bool lastOfTies = i + 1 == passing.Length
                                  || (passing[i + 1].Primary.Certificate.BiasResidual ?? 0) > residual;
                if (lastOfTies && (double)wrong / strong <= maxStrongWrongRate && strong - wrong > bestCovered)
                {
                    (best, bestCovered) = (new AuditThresholds(distance, residual, defectBound), strong - wrong);
                }
            }
        }

        if (best is not null)
        {
            // A readable constant: the residual bound rounded up to 3 significant digits, kept only when that admits
            // no further trial (the rates are then exactly those of the fitted bound).
            double rounded = RoundUp3(best.MaxBiasResidual);
            var readable = best with { MaxBiasResidual = rounded };
            if (CalibrationRates.Of(trials, readable) == CalibrationRates.Of(trials, best))
            {
                best = readable;
            }
        }

        // Nothing meets the bound: thresholds no certificate can pass.
        return best ?? new AuditThresholds(0.5, 0.0, defectBound);
    }
}
