namespace ILrg.Metrics;

/// <summary>Label-restoration scores of one trial (SPEC.md §4).</summary>
/// <param name="LeAcc">Over all C classes, the fraction where (res &gt; 0) equals (class present).</param>
/// <param name="LnAcc">Over all C classes, the fraction where res equals the true count.</param>
/// <param name="IRec">Σ over present classes of min(res, true) / N.</param>
/// <param name="ExactBatch">True when every class count is right.</param>
/// <param name="CountMae">Mean over all C classes of |res − true|.</param>
/// <param name="PresentLnAcc">LnAcc over the classes present in the batch only.</param>
public sealed record TrialLabelScores(
    double LeAcc, double LnAcc, double IRec, bool ExactBatch, double CountMae, double PresentLnAcc);
