using MathNet.Numerics.Distributions;

namespace ILrg.Metrics;

/// <summary>
/// The central 95% band of a mean of <c>n</c> Bernoulli decisions when the true rate is the paper's value: the 2.5% and
/// 97.5% quantiles of Binomial(n, p) divided by n. A LeAcc over T trials of C classes is a mean of n = T·C class
/// decisions. The one definition of "the paper's binomial 95% band" used by the reproduction checks and the sweeps.
/// </summary>
/// <remarks>The classes of one trial are not independent, so the band is narrower than the trial-to-trial spread and
/// flags readily; it says where a figure is unlikely under the paper's rate, not that the code is wrong.</remarks>
/// <param name="Low">Lower end (fraction).</param>
/// <param name="High">Upper end (fraction).</param>
/// <param name="Decisions">n, the number of Bernoulli decisions.</param>
public sealed record BinomialBand(double Low, double High, int Decisions)
{
    /// <summary>The band for rate <paramref name="paper"/> over <paramref name="decisions"/> decisions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside [0, 1] or n &lt; 1.</exception>
    public static BinomialBand For(double paper, int decisions)
    {
        if (paper is < 0 or > 1 || decisions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(paper), $"p = {paper}, n = {decisions}");
        }

        int low = -1, high = -1;
        double cumulative = 0;
        for (int k = 0; k <= decisions; k++)
        {
            cumulative += Binomial.PMF(paper, decisions, k);
            if (low < 0 && cumulative >= 0.025)
            {
                low = k;
            }

            if (high < 0 && cumulative >= 0.975)
            {
                high = k;
                break;
            }
        }

        high = high < 0 ? decisions : high;
        return new BinomialBand((double)low / decisions, (double)high / decisions, decisions);
    }

    /// <summary>True when <paramref name="value"/> lies in the band.</summary>
    public bool Contains(double value) => value >= Low - 1e-12 && value <= High + 1e-12;

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Low:F3}, {High:F3}] (n = {Decisions} class decisions)");
}
