namespace ILrg.Testing;

/// <summary>The one approximate-equality rule of the tests: |a − b| ≤ atol + rtol·|b|; NaN is never equal.</summary>
public static class Approx
{
    /// <summary>True when <paramref name="actual"/> is close to <paramref name="expected"/>.</summary>
    public static bool Close(double actual, double expected, double rtol, double atol) =>
        !double.IsNaN(actual) && !double.IsNaN(expected) &&
        (actual == expected || Math.Abs(actual - expected) <= atol + rtol * Math.Abs(expected));

    /// <summary>Index of the first pair that is not close, or −1; lengths must match.</summary>
    public static int FirstMismatch(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double rtol,
        double atol)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.Count != expected.Count)
        {
            return Math.Min(actual.Count, expected.Count);
        }

        for (int i = 0; i < actual.Count; i++)
        {
            if (!Close(actual[i], expected[i], rtol, atol))
            {
                return i;
            }
        }

        return -1;
    }
}
