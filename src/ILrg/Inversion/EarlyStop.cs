namespace ILrg.Inversion;

/// <summary>
/// The stopping rule of one restart, shared by IG and DLG: stop on a non-finite cost, or when the cost has not improved
/// by a relative 1e−4 for <c>patience</c> iterations (no patience: never stop early).
/// </summary>
internal sealed class EarlyStop(int? patience)
{
    /// <summary>Relative improvement that counts as progress.</summary>
    public const double Improvement = 1e-4;

    private double _best = double.PositiveInfinity;
    private int _lastImprovement;

    /// <summary>Records the cost of iteration <paramref name="iteration"/>; true when the restart should stop.</summary>
    public bool ShouldStop(double value, int iteration)
    {
        if (!double.IsFinite(value))
        {
            return true;
        }

        if (value < _best * (1 - Improvement))
        {
            _best = value;
            _lastImprovement = iteration;
            return false;
        }

        return patience is { } p && iteration - _lastImprovement >= p;
    }
}
