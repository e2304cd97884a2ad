namespace ILrg.Cli;

/// <summary>Entry point of the <c>ilrg</c> command.</summary>
public static class Program
{
    /// <summary>Parses and runs; returns a named exit code.</summary>
    public static int Main(string[] args) => CommandLine.Run(args, Console.Out, Console.Error);
}
