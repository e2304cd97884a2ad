namespace ILrg.Cli;

/// <summary>Named exit codes (DESIGN.md, CLI).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad usage or an unexpected error.</summary>
    public const int UsageOrError = 1;

    /// <summary>A check failed (a threshold or a golden).</summary>
    public const int CheckFailed = 2;

    /// <summary>Something outside the project is missing (data, a native library, npm).</summary>
    public const int EnvironmentMissing = 3;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
