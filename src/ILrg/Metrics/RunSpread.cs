using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ILrg.Metrics;

/// <summary>
/// The spread of K independent run means of one figure, and the central 95% prediction interval of ONE further run mean
/// under the same protocol (docs/claims-statistics.md). A paper figure is one run mean (SPEC.md §10), so it is judged
/// against this interval, not against an interval for ILrg's mean.
/// </summary>
/// <remarks>K ≥ 39: the distribution-free order-statistic interval [m₍ⱼ₎, m₍ₖ₊₁₋ⱼ₎] with j = ⌊0.025 (K + 1)⌋, which
/// contains a new run mean with probability (K + 1 − 2j)/(K + 1) ≥ 0.95. 2 ≤ K &lt; 39: order statistics cannot reach
/// 95%, so the Student-t prediction interval m̄ ± t(0.975, K − 1) · s · √(1 + 1/K) (it assumes roughly normal run
/// means). Either is widened to at least m̄ ± <see cref="Resolution"/> when the caller gives one (the resolution of a
/// rate from finitely many decisions, which runs that happen to agree exactly, e.g. all perfect, do not show), then
/// clipped to [floor, ceiling].
/// </remarks>
/// <param name="Runs">K, the number of runs.</param>
/// <param name="TrialsPerRun">T, the trials behind each run mean.</param>
/// <param name="Mean">m̄, the mean of the run means.</param>
/// <param name="StandardDeviation">s, the sample standard deviation of the run means (0 for one run).</param>
/// <param name="Min">The smallest run mean.</param>
/// <param name="Max">The largest run mean.</param>
/// <param name="Prediction">The 95% prediction interval of one run mean.</param>
/// <param name="Method">"t" or "order statistic".</param>
/// <param name="RunMeans">The run means, run by run.</param>
/// <param name="Resolution">The smallest half-width the interval was given (0 for none).</param>
public sealed record RunSpread(
    int Runs, int TrialsPerRun, double Mean, double StandardDeviation, double Min, double Max, Interval Prediction,
    string Method, IReadOnlyList<double> RunMeans, double Resolution = 0)
{
    /// <summary>Smallest K for which the order-statistic interval reaches 95% coverage.</summary>
    public const int OrderStatisticRuns = 39;

    /// <summary>The spread of <paramref name="runMeans"/> (K ≥ 2).</summary>
    /// <exception cref="ArgumentException">Fewer than two runs, or a non-finite run mean.</exception>
    public static RunSpread Of(
        IReadOnlyList<double> runMeans, int trialsPerRun, double floor = 0, double ceiling = 1, double resolution = 0)
    {
        ArgumentNullException.ThrowIfNull(runMeans);
        int k = runMeans.Count;
        if (k < 2)
        {
            throw new ArgumentException($"a spread needs at least 2 runs, got {k}", nameof(runMeans));
        }

        if (runMeans.Any(m => !double.IsFinite(m)))
        {
            throw new ArgumentException("run means must be finite", nameof(runMeans));
        }

        double mean = runMeans.Average();
        double sd = Math.Sqrt(runMeans.Sum(m => (m - mean) * (m - mean)) / (k - 1));
        double[] sorted = [.. runMeans.Order()];
        Interval prediction;
        string method;
        if (k >= OrderStatisticRuns)
        {
            int j = (int)Math.Floor(0.025 * (k + 1));
            prediction = new Interval(sorted[j - 1], sorted[k - j]);
            method = "order statistic";
        }
        else
        {
            double half = StudentT.InvCDF(0, 1, k - 1, 0.975) * sd * Math.Sqrt(1 + 1.0 / k);
            prediction = new Interval(mean - half, mean + half);
            method = "t";
        }

        double low = Math.Min(prediction.Low, mean - resolution), high = Math.Max(prediction.High, mean + resolution);
        prediction = new Interval(Math.Max(floor, low), Math.Min(ceiling, high));
        return new RunSpread(
            k, trialsPerRun, mean, sd, sorted[0], sorted[^1], prediction, method, [.. runMeans], resolution);
    }

    /// <summary>"K×T, mean ± s [min, max]".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Runs}×{TrialsPerRun}, {Mean:F3} ± {StandardDeviation:F3} [{Min:F3}, {Max:F3}]");
}
