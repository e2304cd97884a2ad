using System.Globalization;
using ILrg.Metrics;

namespace ILrg.Claims;

/// <summary>One judged figure of a claim (docs/claims-statistics.md). With a <see cref="Paper"/> figure and no <see
/// cref="Threshold"/>, the paper's figure (one run of the paper's protocol) is judged against the 95% prediction
/// interval of one ILrg run mean (<see cref="RunSpread"/>), at least as wide as the binomial resolution of the two
/// rates, widened by the paper's rounding to three decimals; with a <see cref="Threshold"/> (a gate from SPEC.md or an
/// issue, e.g. a PSNR gain), the mean over runs is compared with it.
/// </summary>
/// <param name="Metric">A per-trial metric (leAcc, lnAcc, iRec, exactBatchRate, presentLnAcc, countMae) or a claim's
/// own (psnrGainDb).</param>
/// <param name="Paper">The paper's figure (SPEC.md §9), or null when the paper has none.</param>
/// <param name="Side">Which disagreement fails.</param>
/// <param name="Method">The restorer whose figure this is (or a variant such as ilrg@epoch40), or null for claims with
/// one figure per trial.</param>
/// <param name="Threshold">A fixed gate instead of the statistical judgement.</param>
/// <param name="NotGatedBecause">When set, the check is judged but does not decide the claim (a figure the paper
/// measured on data this setting only imitates); the reason is shown.</param>
/// <param name="Known">A recorded discrepancy: the check is as expected only while its verdict is the recorded
/// one.</param>
public sealed record ClaimCheck(
    string Metric, double? Paper, CheckSide Side = CheckSide.AtLeast, string? Method = null, double? Threshold = null,
    string? NotGatedBecause = null, KnownDiscrepancy? Known = null)
{
    /// <summary>The paper reports three decimals: its true figure lies within ± this of the printed one.</summary>
    public const double PaperRounding = 0.0005;

    /// <summary>Trials behind each of the paper's figures (SPEC.md §9: 50 unless stated).</summary>
    public const int PaperTrials = 50;

    private const double Z = 1.959963984540054;

    /// <summary>The key of the figure in a <see cref="TrialRecord"/>: "method:metric", or the metric alone.</summary>
    public string Key => Method is null ? Metric : $"{Method}:{Metric}";

    /// <summary>True when the check decides its claim.</summary>
    public bool Gated => NotGatedBecause is null;

    /// <summary>A paper figure judged statistically.</summary>
    public static ClaimCheck Figure(string method, string metric, double paper, CheckSide side = CheckSide.AtLeast) =>
        new(metric, paper, side, method);

    /// <summary>A fixed gate (from SPEC.md or an issue) on the mean over runs.</summary>
    public static ClaimCheck Fixed(string metric, double threshold, CheckSide side = CheckSide.AtLeast) =>
        side == CheckSide.TwoSided
            ? throw new ArgumentException("a fixed gate is one-sided", nameof(side))
            : new(metric, null, side, Threshold: threshold);

    /// <summary>Judges the figure from its run means.</summary>
    /// <param name="runMeans">One mean per run.</param>
    /// <param name="trialsPerRun">T behind each run mean.</param>
    /// <param name="decisionsPerTrial">The decisions a rate averages per trial (C for LeAcc and LnAcc, N for IRec), for
    /// the binomial resolution; 0 for none.</param>
    /// <exception cref="ArgumentException">A statistical check with fewer than two runs or without a paper
    /// figure.</exception>
    public CheckOutcome Judge(IReadOnlyList<double> runMeans, int trialsPerRun, int decisionsPerTrial = 0)
    {
        ArgumentNullException.ThrowIfNull(runMeans);
        double mean = runMeans.Average();
        if (Threshold is { } gate)
        {
            RunSpread? s = runMeans.Count >= 2
                ? RunSpread.Of(runMeans, trialsPerRun, double.NegativeInfinity, double.PositiveInfinity)
                : null;
            bool ok = Side == CheckSide.AtMost ? mean <= gate : mean >= gate;
            string text = (Side == CheckSide.AtMost ? "≤ " : "≥ ") + F(gate);
            return Outcome(text, mean, s, ok ? "meets gate" : "misses gate");
        }

        if (Paper is not { } paper || runMeans.Count < 2)
        {
            throw new ArgumentException($"check {Key}: judging the paper's figure needs it and at least 2 runs " +
                                        $"(got {runMeans.Count})");
        }

        bool rate = Metric != "countMae";
        RunSpread spread = RunSpread.Of(
            runMeans, trialsPerRun, rate ? 0 : double.NegativeInfinity, rate ? 1 : double.PositiveInfinity,
            rate ? Resolution(paper, mean, decisionsPerTrial, runMeans.Count * trialsPerRun) : 0);
        bool above = paper < spread.Prediction.Low - PaperRounding;   // ILrg's runs lie above the paper's figure
        bool below = paper > spread.Prediction.High + PaperRounding;  // ILrg's runs lie below it
        string verdict = above ? "above paper" : below ? "below paper" : "consistent";
        string gateText = Side switch
        {
            CheckSide.AtLeast => "paper ≤ PI high",
            CheckSide.AtMost => "paper ≥ PI low",
            _ => "paper in PI",
        };
        return Outcome(gateText, mean, spread, verdict);
    }

    /// <summary>
    /// 1.96 · √(p̄ (1 − p̄) (1/n_paper + 1/n_ILrg)): the half-width within which two rates from n independent decisions
    /// each cannot be told apart, p̄ pooled over both (n_paper = 50·d, n_ILrg = K·T·d for d decisions per trial).
    /// </summary>
    public static double Resolution(double paper, double mean, int decisionsPerTrial, int ilrgTrials)
    {
        if (decisionsPerTrial <= 0 || ilrgTrials <= 0)
        {
            return 0;
        }

        double np = (double)PaperTrials * decisionsPerTrial, no = (double)ilrgTrials * decisionsPerTrial;
        double pooled = ((paper * np) + (mean * no)) / (np + no);
        return Z * Math.Sqrt(Math.Max(0, pooled * (1 - pooled)) * ((1 / np) + (1 / no)));
    }

    private CheckOutcome Outcome(string gate, double measured, RunSpread? spread, string verdict)
    {
        bool passed = Known is { } k
            ? verdict == k.Verdict
            : verdict switch
            {
                "misses gate" => false,
                "below paper" => Side == CheckSide.AtMost,   // ILrg significantly below: only an "at most" claim holds
                "above paper" => Side == CheckSide.AtLeast,  // ILrg significantly above: only an "at least" claim holds
                _ => true,
            };
        return new CheckOutcome(
            Method, Metric, Paper, Side, gate, measured, spread, verdict, passed, Gated, NotGatedBecause,
            Known?.Reason);
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
