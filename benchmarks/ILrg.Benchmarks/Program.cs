using BenchmarkDotNet.Running;

namespace ILrg.Benchmarks;

/// <summary>Runs the benchmarks: dotnet run -c Release --project benchmarks/ILrg.Benchmarks -- --filter '*'</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
