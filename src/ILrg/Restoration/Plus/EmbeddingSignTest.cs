namespace ILrg.Restoration.Plus;

/// <summary>
/// Decides from the observation alone whether the embedding looks non-negative (ReLU-like). Two signatures only a
/// non-negative embedding leaves: a unit that is exactly zero on the whole batch gives an all-zero column of g_W
/// (SiLU, LeakyReLU or tanh are exactly zero with probability 0); and the row of an absent class,
/// g_W[i] = (1/N) Σ_n p_n[i] h_n, is a positive combination of embeddings, so entrywise ≥ 0 (even in float32, where
/// it is a sum of non-negative products).
/// </summary>
/// <remarks>The test can miss a ReLU network (every class present and no unit idle on the batch); iLRG+ then only
/// skips its non-negativity steps, which costs accuracy, never validity.</remarks>
public static class EmbeddingSignTest
{
    /// <summary>True when either signature is present.</summary>
    public static bool LooksNonNegative(LastLayerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        ReadOnlySpan<double> gw = observation.WeightGradient;
        for (int r = 0; r < d; r++)
        {
            bool zero = true;
            for (int i = 0; i < c && zero; i++)
            {
                zero = gw[i * d + r] == 0;
            }

            if (zero)
            {
                return true;
            }
        }

        for (int i = 0; i < c; i++)
        {
            ReadOnlySpan<double> row = gw.Slice(i * d, d);
            bool anyPositive = false;
            bool anyNegative = false;
            foreach (double v in row)
            {
                anyPositive |= v > 0;
                anyNegative |= v < 0;
            }

            if (anyPositive && !anyNegative)
            {
                return true;
            }
        }

        return false;
    }
}
