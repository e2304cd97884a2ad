namespace ILrg.Numerics;

/// <summary>
/// A small, version-stable pseudo-random generator (SplitMix64). Used for batch sampling and synthetic data so that a
/// seed gives the same batches on every .NET version and machine (System.Random makes no such promise).
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _state;

    /// <summary>Creates a generator from a seed.</summary>
    public DeterministicRandom(ulong seed) => _state = seed;

    /// <summary>Derives an independent seed for a sub-stream (e.g. one trial) from a base seed and labels.</summary>
    public static ulong Derive(ulong seed, params ReadOnlySpan<ulong> labels)
    {
        ulong s = Mix(seed ^ 0x9E3779B97F4A7C15UL);
        foreach (ulong label in labels)
        {
            s = Mix(s ^ Mix(label + 0x632BE59BD9B4E019UL));
        }

        return s;
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "must be positive");
        }

        ulong bound = (ulong)exclusiveMax;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong r;
        do
        {
            r = NextUInt64();
        }
        while (r >= limit);
        return (int)(r % bound);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box–Muller on two uniforms; the second value is discarded so each call uses
    /// exactly two 64-bit draws).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) draw (Marsaglia and Tsang 2000; shapes below 1 by the
    /// boost U^(1/shape)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shape is not a positive finite number.</exception>
    public double NextGamma(double shape)
    {
        if (!double.IsFinite(shape) || shape <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape,
                "the Gamma shape must be a positive finite number");
        }

        if (shape < 1)
        {
            double boost = Math.Pow(1.0 - NextDouble(), 1.0 / shape);
            return NextGamma(shape + 1) * boost;
        }

        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextGaussian();
                v = 1.0 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1.0 - NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    /// <summary>A Beta(<paramref name="a"/>, <paramref name="b"/>) draw from two Gamma draws.</summary>
    public double NextBeta(double a, double b)
    {
        double x = NextGamma(a);
        double y = NextGamma(b);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    /// <summary>A Dirichlet(<paramref name="concentration"/>·1) draw over <paramref name="size"/> categories.</summary>
    public double[] NextDirichlet(int size, double concentration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var g = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++)
        {
            g[i] = NextGamma(concentration);
            sum += g[i];
        }

        if (sum <= 0)
        {
            // Every Gamma draw underflowed (tiny concentrations): all mass on one uniformly chosen category.
            g[NextInt(size)] = 1;
            return g;
        }

        for (int i = 0; i < size; i++)
        {
            g[i] /= sum;
        }

        return g;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><paramref name="count"/> distinct items drawn uniformly from <paramref name="pool"/>, in draw order.</summary>
    public T[] SampleWithoutReplacement<T>(IReadOnlyList<T> pool, int count)
    {
        if (count < 0 || count > pool.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"cannot draw {count} distinct items from {pool.Count}");
        }

        // Partial Fisher–Yates over an index array: O(pool) memory, O(count) swaps.
        int[] order = new int[pool.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var result = new T[count];
        for (int i = 0; i < count; i++)
        {
            int j = i + NextInt(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
            result[i] = pool[order[i]];
        }

        return result;
    }
}
