using ILrg.Metrics;

namespace ILrg.Claims;

/// <summary>One compared point of a <see cref="PaperSweep"/>.</summary>
/// <param name="X">The varied value (n_hidden or N).</param>
/// <param name="Paper">The paper's figure.</param>
/// <param name="PaperBand">The paper figure's binomial 95% band.</param>
/// <param name="Measured">ILrg's figure.</param>
/// <param name="MeasuredCi">ILrg's 95% interval over trials.</param>
/// <param name="Flagged">True when the measured figure lies outside the paper's band.</param>
public sealed record SweepRow(double X, double Paper, Interval PaperBand, double Measured, Interval MeasuredCi, bool Flagged);
