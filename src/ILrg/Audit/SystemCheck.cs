using ILrg.Restoration;

namespace ILrg.Audit;

/// <summary>Computes the <see cref="SystemCertificate"/> of an observation.</summary>
internal static class SystemCheck
{
    /// <summary>From the observation and the diagnostics of iLRG's full-system solve.</summary>
    public static SystemCertificate Of(LastLayerObservation observation, RestorationDiagnostics fullSystem)
    {
        int c = observation.Classes;
        int d = observation.EmbeddingSize;
        double biasSum = 0, biasAbs = 0;
        foreach (double g in observation.BiasGradient)
        {
            biasSum += g;
            biasAbs += Math.Abs(g);
        }

        var columnSums = new double[d];
        double rowNorms = 0;
        ReadOnlySpan<double> gw = observation.WeightGradient;
        for (int i = 0; i < c; i++)
        {
            double row = 0;
            for (int r = 0; r < d; r++)
            {
                double v = gw[i * d + r];
                columnSums[r] += v;
                row += v * v;
            }

            rowNorms += Math.Sqrt(row);
        }

        double sumNorm = Math.Sqrt(columnSums.Sum(v => v * v));
        return new SystemCertificate(
            fullSystem.Rank,
            c,
            double.IsFinite(fullSystem.ConditionNumber) ? fullSystem.ConditionNumber : null,
            biasAbs > 0 ? Math.Abs(biasSum) / biasAbs : 0.0,
            rowNorms > 0 ? sumNorm / rowNorms : 0.0);
    }
}
