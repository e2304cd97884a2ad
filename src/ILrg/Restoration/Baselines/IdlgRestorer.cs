namespace ILrg.Restoration.Baselines;

/// <summary>
/// iDLG, extended to batches: class i is present iff its weight-gradient row sum Σ_r g_W[i, r] is negative. Class-wise
/// (counts are 1 for present, 0 otherwise).
/// </summary>
/// <remarks>SPEC.md §3. Exact for a single sample with non-negative embeddings; for batches, a present class whose
/// instances are outweighed by the softmax mass of the others is missed.</remarks>
public sealed class IdlgRestorer : ILabelRestorer
{
    /// <inheritdoc />
    public string Name => "idlg";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        double[] sums = observation.WeightGradientRowSums();
        return ClassWiseSign.Result(Name, sums.Select(s => s < 0).ToArray());
    }
}
