namespace ILrg.Inversion;

/// <summary>
/// The bookkeeping of one restart, shared by IG and DLG: the loss curve (every <c>progressEvery</c> iterations),
/// progress reports, the iteration count, and the stopping rule — stop on a non-finite cost, or when the cost has not
/// improved by a relative 1e−4 for <c>patience</c> iterations (no patience: never stop early).
/// </summary>
internal sealed class RestartTracker(int restart, int progressEvery, int? patience, Action<InversionProgress>? progress)
{
    /// <summary>Relative improvement that counts as progress.</summary>
    public const double Improvement = 1e-4;

    private readonly List<double> _curve = [];
    private double _best = double.PositiveInfinity;
    private int _lastImprovement;

    /// <summary>The recorded loss curve.</summary>
    public IReadOnlyList<double> Curve => _curve;

    /// <summary>Iterations completed.</summary>
    public int Done { get; private set; }

    /// <summary>Records the cost after iteration <paramref name="iteration"/>; true when the restart should
    /// stop.</summary>
    public bool Record(int iteration, double value)
    {
        Done = iteration + 1;
        if (iteration % progressEvery == 0)
        {
            _curve.Add(value);
            progress?.Invoke(new InversionProgress(restart, Done, value));
        }

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
