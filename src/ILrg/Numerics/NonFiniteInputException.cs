namespace ILrg.Numerics;

/// <summary>An input (gradient, weight, image) contained NaN or an infinity.</summary>
public sealed class NonFiniteInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public NonFiniteInputException()
    {
    }

    /// <summary>Creates the exception with a message naming the input and the position.</summary>
    public NonFiniteInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public NonFiniteInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
