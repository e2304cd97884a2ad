using MathNet.Numerics.Distributions;

namespace ILrg.Tests.Reproduction.Comparison;

/// <summary>
/// The central 95% band of a mean of <c>n</c> Bernoulli decisions when the true rate is the paper's value: the 2.5% and
/// 97.5% quantiles of Binomial(n, p) divided by n. A LeAcc over T trials of C classes is a mean of n = T·C class
/// decisions.
/// </summary>
internal sealed record BinomialBand(double Low, double High, int Decisions)
{
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

    public bool Contains(double value) => value >= Low - 1e-12 && value <= High + 1e-12;

    public override string ToString() => $"[{Low:F3}, {High:F3}] (n = {Decisions} class decisions)";
}
