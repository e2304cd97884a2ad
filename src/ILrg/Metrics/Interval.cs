namespace ILrg.Metrics;

/// <summary>A two-sided 95% confidence interval.</summary>
public sealed record Interval(double Low, double High)
{
    private const double Z = 1.959963984540054;

    /// <summary>Mean ± t-free normal interval (z·s/√n), clipped to [<paramref name="floor"/>,
    /// <paramref name="ceiling"/>] (a rate: [0, 1]; an error such as the count MAE: [0, ∞)); a single trial gives
    /// [mean, mean].</summary>
    public static Interval OfMean(IReadOnlyList<double> values, double floor = 0, double ceiling = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        double mean = values.Average();
        if (values.Count < 2)
        {
            return new Interval(mean, mean);
        }

        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        double half = Z * Math.Sqrt(variance / values.Count);
        return new Interval(Math.Max(floor, mean - half), Math.Min(ceiling, mean + half));
    }

    /// <summary>Wilson score interval for <paramref name="successes"/> of <paramref name="n"/> Bernoulli
    /// trials.</summary>
    public static Interval Wilson(double successes, int n)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "needs at least one trial");
        }

        double p = successes / n;
        double denom = 1 + Z * Z / n;
        double centre = (p + Z * Z / (2 * n)) / denom;
        double half = Z * Math.Sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n)) / denom;
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
