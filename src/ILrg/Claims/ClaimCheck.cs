using System.Globalization;
using ILrg.Metrics;

namespace ILrg.Claims;

/// <summary>One gated figure of a claim: the metric, the paper's value, and the gate from SPEC.md / the issues.</summary>
/// <param name="Metric">A <see cref="LabelSummary.Metric"/> name, or the claim's own (e.g. psnrGainDb).</param>
/// <param name="Paper">The paper's figure (SPEC.md §9), or null when the paper has none.</param>
/// <param name="Threshold">Pass when measured ≥ threshold (the lower end of the gate).</param>
/// <param name="Upper">When set, the measured value must also be ≤ this (a band, or an "at most" gate).</param>
public sealed record ClaimCheck(string Metric, double? Paper, double Threshold, double? Upper = null)
{
    /// <summary>The paper's binomial 95% band over <paramref name="decisions"/> class decisions as the gate.</summary>
    public static ClaimCheck InPaperBand(string metric, double paper, int decisions)
    {
        BinomialBand band = BinomialBand.For(paper, decisions);
        return new ClaimCheck(metric, paper, band.Low, band.High);
    }

    /// <summary>An "at most" gate (a method that the paper shows failing).</summary>
    public static ClaimCheck AtMost(string metric, double? paper, double upper) => new(metric, paper, 0.0, upper);

    /// <summary>The outcome of this check for a <paramref name="measured"/> figure.</summary>
    public CheckOutcome Judge(double measured) =>
        new(Metric, Paper, Threshold, Upper, GateText(), measured, Passes(measured));

    /// <summary>True when <paramref name="measured"/> passes the gate (a NaN never passes).</summary>
    public bool Passes(double measured) => measured >= Threshold && (Upper is not { } u || measured <= u);

    /// <summary>The gate as text: "≥ 0.990", "≤ 0.300" or "[0.470, 0.558]".</summary>
    public string GateText() => Upper switch
    {
        null => "≥ " + F(Threshold),
        { } u when Threshold <= 0 => "≤ " + F(u),
        { } u => $"[{F(Threshold)}, {F(u)}]",
    };

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
