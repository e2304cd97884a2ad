using System.Globalization;
using System.Text;
using ILrg.Audit;
using ILrg.Reporting;

namespace ILrg.Benchmarks;

/// <summary>Writes docs/audit-calibration.md from a calibration run.</summary>
internal static class CalibrationReport
{
    /// <summary>Everything the report states.</summary>
    public sealed record Inputs(
        int Trials,
        int ScanTrials,
        double Target,
        AuditThresholds Thresholds,
        IReadOnlyList<CalibrationTrial> Fit,
        IReadOnlyList<CalibrationTrial> Check,
        IReadOnlyList<(string Kind, CalibrationTrial Trial)> Misuse,
        IReadOnlyList<(string Setting, int N, int Picked)> Scans,
        ulong FitSeed,
        ulong CheckSeed,
        ulong ScanSeed,
        int ScanMin,
        int ScanMax,
        TimeSpan Elapsed);

    public static string Write(Inputs x)
    {
        var sb = new StringBuilder();
        var env = RunManifest.Create("audit-calibration", 0, x.Trials, [], DateTimeOffset.UtcNow);
        AuditThresholds th = x.Thresholds;
        CalibrationRates fit = CalibrationRates.Of(x.Fit.ToList(), th);
        CalibrationRates check = CalibrationRates.Of(x.Check.ToList(), th);
        Line(sb, "# Calibration of the label-audit verdict");
        Line(sb, "");
        Line(sb, "Produced by `OMP_NUM_THREADS=1 dotnet run -c Release --project benchmarks/ILrg.Benchmarks -- "
                 + $"audit-calibration {x.Trials} docs/audit-calibration.md` (ILrg {env.Version}, commit "
                 + $"{env.GitCommit}, TorchSharp {env.Libraries["TorchSharp"]}, {x.Elapsed.TotalMinutes:F1} min on 2 shared "
                 + "cores).");
        Line(sb, "");
        Line(sb, "Simulated FedSGD updates with known truth, each from a freshly initialised (untrained) model and a "
                 + "batch drawn uniformly from the data (`random` distribution), gradients of the batch-mean "
                 + "cross-entropy in eval mode: FCN-3 on the 10,000 real MNIST digits, and LeNet-5 (ReLU) on the "
                 + "CIFAR-100-shaped synthetic stand-in (uniform-noise images, 100 classes).");
        Line(sb, $"For each setting and N = 8, 16, 32, 64, 128, 256: {x.Trials} updates from seed {x.FitSeed} to fit "
                 + $"the thresholds and {x.Trials} other updates from seed {x.CheckSeed} to measure them. \"Right\" "
                 + "means every one of iLRG's C counts equals the true count (the exact-batch criterion).");
        Line(sb, "");
        Line(sb, "## The rule and the fitted thresholds");
        Line(sb, "");
        Line(sb, "A certificate is strong when iLRG's system has full column rank, the counts sum to N, the "
                 + "gradients satisfy the softmax identities Σ_i g_b[i] = 0 and Σ_i g_W[i,:] = 0 up to the "
                 + "sum-defect bound, every class's real-valued solution lies at least the boundary distance from a "
                 + "rounding boundary, and the counts re-synthesise N·g_b with at most the residual bound.");
        Line(sb, "The fit (`AuditCalibration.Fit`, fitting seed only) takes the thresholds that call the most right "
                 + $"restorations strong while at most {x.Target:P0} of strong certificates come with wrong counts, "
                 + "the strictest among equally good ones; the sum-defect bound is 10× the largest defect seen, "
                 + "rounded up to a power of ten.");
        Line(sb, "");
        Line(sb, "| threshold | fitted value |");
        Line(sb, "|---|---|");
        Line(sb, $"| min boundary distance | {th.MinBoundaryDistance:R} |");
        Line(sb, $"| max relative N·g_b residual | {th.MaxBiasResidual:R} |");
        Line(sb, $"| max softmax sum defect | {th.MaxSumDefect:R} |");
        Line(sb, "");
        Line(sb, "## How often a strong certificate is wrong");
        Line(sb, "");
        Line(sb, "| updates | trials | right counts | strong | strong but wrong | rate [95% Wilson] | right but "
                 + "inconclusive |");
        Line(sb, "|---|---|---|---|---|---|---|");
        Rates(sb, $"fitting (seed {x.FitSeed})", fit);
        Rates(sb, $"held out (seed {x.CheckSeed})", check);
        Line(sb, "");
        Line(sb, "Held-out updates by setting and N:");
        Line(sb, "");
        Line(sb, "| setting | N | trials | right counts | strong | strong but wrong | right but inconclusive |");
        Line(sb, "|---|---|---|---|---|---|---|");
        foreach (var g in x.Check.GroupBy(t => (t.Setting, t.BatchSize)))
        {
            CalibrationRates r = CalibrationRates.Of(g.ToList(), th);
            Line(sb, $"| {g.Key.Setting} | {g.Key.BatchSize} | {r.Trials} | {r.Correct} | {r.Strong} | "
                     + $"{r.StrongWrong} | {r.CorrectInconclusive} |");
        }

        Line(sb, "");
        Line(sb, "## Misuse shows up");
        Line(sb, "");
        Line(sb, "The held-out updates again, audited as a careless auditor would: gradients of the SUM of the "
                 + "losses (N times the mean's), or an assumed batch size of 1.5 × N. When every true count is even, "
                 + "an update of N is also exactly the update of a batch of 1.5 × N with every count × 1.5 (half the "
                 + "batch repeated three times): no certificate can tell them apart, and those counts are then right "
                 + "for the assumed N. Any other strong certificate here is wrong.");
        Line(sb, "");
        Line(sb, "| misuse | setting | trials | strong | of which indistinguishable (all counts even, counts × 1.5) "
                 + "| strong and wrong |");
        Line(sb, "|---|---|---|---|---|---|");
        foreach (var g in x.Misuse.GroupBy(m => (m.Kind, m.Trial.Setting)))
        {
            CalibrationTrial[] strong = g.Where(m => m.Trial.IsStrong(th)).Select(m => m.Trial).ToArray();
            Line(sb, $"| {g.Key.Kind} | {g.Key.Setting} | {g.Count()} | {strong.Length} | "
                     + $"{strong.Count(t => t.Correct)} | {strong.Count(t => !t.Correct)} |");
        }

        Line(sb, "");
        Line(sb, "## Unknown batch size");
        Line(sb, "");
        Line(sb, $"`LabelAudit.ScanBatchSizes` over N = {x.ScanMin} … {x.ScanMax} on {x.ScanTrials} updates per true "
                 + $"N (seed {x.ScanSeed}): how often it names the true N, and how often a whole multiple or divisor "
                 + "of it (a batch repeated k times gives the same mean gradient, so these cannot be told apart in "
                 + "principle).");
        Line(sb, "");
        Line(sb, "| setting | true N | scans | named the true N | named a multiple or divisor | other |");
        Line(sb, "|---|---|---|---|---|---|");
        foreach (var g in x.Scans.GroupBy(s => (s.Setting, s.N)))
        {
            int right = g.Count(s => s.Picked == s.N);
            int related = g.Count(s => s.Picked != s.N && (s.Picked % s.N == 0 || s.N % s.Picked == 0));
            Line(sb, $"| {g.Key.Setting} | {g.Key.N} | {g.Count()} | {right} | {related} | "
                     + $"{g.Count() - right - related} |");
        }

        return sb.ToString();
    }

    private static void Rates(StringBuilder sb, string label, CalibrationRates r)
    {
        string interval = r.StrongWrongInterval is { } i ? $"{r.StrongWrongRate:F3} [{i.Low:F3}, {i.High:F3}]" : "—";
        Line(sb, $"| {label} | {r.Trials} | {r.Correct} | {r.Strong} | {r.StrongWrong} | {interval} | "
                 + $"{r.CorrectInconclusive} ({r.CorrectInconclusiveRate:P1} of right) |");
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
