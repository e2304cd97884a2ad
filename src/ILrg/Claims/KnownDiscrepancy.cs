namespace ILrg.Claims;

/// <summary>A figure of the paper that ILrg measurably does not reproduce, recorded with the measurement that showed
/// it. The check still computes its verdict; it is "as expected" only while the verdict is <see cref="Verdict"/>, so a
/// solver change that closes (or moves) the gap fails the check until the record is updated. Every table prints it as
/// NOT reproduced.
/// </summary>
/// <param name="Verdict">The verdict measured ("below paper" or "above paper").</param>
/// <param name="Reason">The measurement and what is known about the cause.</param>
public sealed record KnownDiscrepancy(string Verdict, string Reason);
