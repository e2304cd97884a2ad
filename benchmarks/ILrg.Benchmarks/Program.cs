using BenchmarkDotNet.Running;

namespace ILrg.Benchmarks;

/// <summary>
/// Runs the benchmarks: dotnet run -c Release --project benchmarks/ILrg.Benchmarks -- --filter '*'; or the audit
/// calibration: ... -- audit-calibration [trials] [out.md].
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "audit-calibration")
        {
            return AuditCalibrationHarness.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
