namespace ILrg.Restoration.Baselines;

/// <summary>
/// GI / Yin et al. (GradInversion), extended: class i is present iff its weight-gradient row has a negative entry,
/// min_r g_W[i, r] &lt; 0. Class-wise.
/// </summary>
/// <remarks>SPEC.md §3. Exact when embeddings are non-negative (ReLU before <c>fc</c>); fails for SiLU/LeakyReLU, whose
/// embeddings have negative entries, so absent classes also show negative entries.</remarks>
public sealed class GiRestorer : ILabelRestorer
{
    /// <inheritdoc />
    public string Name => "gi";

    /// <inheritdoc />
    public LabelRestoration Restore(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int d = observation.EmbeddingSize;
        var present = new bool[observation.Classes];
        for (int i = 0; i < present.Length; i++)
        {
            ReadOnlySpan<double> row = observation.WeightGradient.Slice(i * d, d);
            double min = double.PositiveInfinity;
            foreach (double v in row)
            {
                min = Math.Min(min, v);
            }

            present[i] = min < 0;
        }

        return ClassWiseSign.Result(Name, present);
    }
}
