using System.Globalization;

namespace ILrg.Numerics;

/// <summary>Argument checks for public entry points; messages name the offending shape or value.</summary>
public static class Guard
{
    /// <summary>Throws when <paramref name="value"/> is below <paramref name="minimum"/>.</summary>
    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {minimum}, got {value}."));
        }
    }

    /// <summary>Throws when the length of <paramref name="values"/> differs from <paramref name="expected"/>.</summary>
    public static void Length<T>(ReadOnlySpan<T> values, int expected, string name, string shapeText)
    {
        if (values.Length != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} has {values.Length} entries but the shape {shapeText} needs {expected}."), name);
        }
    }

    /// <summary>Throws <see cref="NonFiniteInputException"/> when any entry is NaN or infinite.</summary>
    public static void Finite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new NonFiniteInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{name} contains a non-finite value ({values[i]}) at flat index {i}."));
            }
        }
    }

    /// <summary>Throws <see cref="NonFiniteInputException"/> when any entry is NaN or infinite.</summary>
    public static void Finite(ReadOnlySpan<float> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new NonFiniteInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{name} contains a non-finite value ({values[i]}) at flat index {i}."));
            }
        }
    }
}
