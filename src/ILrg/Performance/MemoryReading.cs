namespace ILrg.Performance;

/// <summary>The process's memory around one bench row.</summary>
/// <param name="RssBeforeMiB">Resident set size when the row started (VmRSS); null where it cannot be read.</param>
/// <param name="PeakRssMiB">The highest resident set size during the row (VmHWM after resetting it); null where the
/// peak cannot be reset or read.</param>
/// <param name="Note">Why a figure is missing; null when both are there.</param>
public sealed record MemoryReading(double? RssBeforeMiB, double? PeakRssMiB, string? Note);
