namespace ILrg.Federated;

/// <summary>The gradient of one named parameter, as managed float32 values (row-major).</summary>
public sealed record ParameterGradient(long[] Shape, float[] Values)
{
    /// <summary>The values widened to float64.</summary>
    public double[] ToDoubles() => Array.ConvertAll(Values, v => (double)v);
}
