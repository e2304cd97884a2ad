namespace ILrg.Claims.Snapshots;

/// <summary>The restored counts of every registered restorer on the trials of one configuration of the golden
/// matrix.</summary>
/// <param name="Name">The configuration (e.g. fcn3-mnist-n24).</param>
/// <param name="Trials">Every trial, in order.</param>
public sealed record RestorerSnapshot(string Name, IReadOnlyList<SnapshotTrial> Trials);

/// <summary>One trial of a snapshot: the true counts and every restorer's.</summary>
/// <param name="Trial">The trial index.</param>
/// <param name="TrueCounts">Sparse "class:count" list of the batch.</param>
/// <param name="Methods">Every restorer's result, in registry order.</param>
public sealed record SnapshotTrial(int Trial, string TrueCounts, IReadOnlyList<SnapshotMethod> Methods);

/// <summary>One restorer's counts and scores on one trial.</summary>
/// <param name="Method">The registered name.</param>
/// <param name="Counts">Sparse "class:count" list.</param>
/// <param name="LeAcc">LeAcc of the trial.</param>
/// <param name="LnAcc">LnAcc of the trial.</param>
/// <param name="IRec">IRec of the trial.</param>
public sealed record SnapshotMethod(string Method, string Counts, double LeAcc, double LnAcc, double IRec);
