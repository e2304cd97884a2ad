using ILrg.Trials;

namespace ILrg.Claims;

/// <summary>One point of a <see cref="PaperSweep"/> measured for several methods on identical updates.</summary>
/// <param name="X">The varied value (n_hidden or N).</param>
/// <param name="Paper">The paper's figure (iLRG's).</param>
/// <param name="Methods">Each method's summary, in the order asked for.</param>
public sealed record MethodCurveRow(double X, double Paper, IReadOnlyList<MethodSummary> Methods);
