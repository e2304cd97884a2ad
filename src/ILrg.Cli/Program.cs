namespace ILrg.Cli;

/// <summary>Entry point of the <c>ilrg</c> command.</summary>
public static class Program
{
    /// <summary>Chooses libtorch's thread count (<see cref="Numerics.TorchThreads"/>), parses and runs; returns a
    /// named exit code.</summary>
    public static int Main(string[] args)
    {
        try
        {
            Numerics.TorchThreads.Configure();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            // The native library does not load: the verbs report it with their documented exit code.
        }

        return CommandLine.Run(args, Console.Out, Console.Error);
    }
}
