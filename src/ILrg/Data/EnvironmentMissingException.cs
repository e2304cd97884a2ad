namespace ILrg.Data;

/// <summary>Something outside the project is missing (a data set, a tool such as npm); the message says how to fix
/// it.</summary>
public sealed class EnvironmentMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EnvironmentMissingException()
    {
    }

    /// <summary>Creates the exception with a message naming the fix.</summary>
    public EnvironmentMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public EnvironmentMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
