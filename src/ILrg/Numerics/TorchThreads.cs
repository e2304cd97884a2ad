using static TorchSharp.torch;

namespace ILrg.Numerics;

/// <summary>
/// libtorch's intra-op thread count for an ilrg process (issue 13, docs/performance.md "Threads").
/// </summary>
/// <remarks>
/// libtorch's own default is one thread per core of the machine, which ignores the CPU affinity mask and a
/// container's CPU quota; a process limited to fewer CPUs then runs more threads than it has cores, and libtorch's
/// threads spin at every parallel region waiting for the ones that were descheduled. The default chosen here is
/// <see cref="Environment.ProcessorCount"/>, which .NET computes from the affinity mask and the cgroup quota. An
/// explicit <c>OMP_NUM_THREADS</c> always wins (libtorch has read it already); the test runner sets it to 1 per test
/// process because several run at once. Measured on the 2-core machine of docs/performance.md: a ResNet-18 client step
/// of 24 images takes ~140 ms with 2 threads and ~330 ms with 1. The count is recorded in every report's manifest,
/// since float reductions may group differently with another count.
/// </remarks>
public static class TorchThreads
{
    /// <summary>The environment variable that overrides the default.</summary>
    public const string Variable = "OMP_NUM_THREADS";

    /// <summary>The current intra-op thread count.</summary>
    public static int Current => get_num_threads();

    /// <summary>The default for this process: the CPUs it may run on.</summary>
    public static int Default => Math.Max(1, Environment.ProcessorCount);

    /// <summary>Applies the default unless <c>OMP_NUM_THREADS</c> is set; returns the count in force.</summary>
    public static int Configure()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) && Current != Default)
        {
            set_num_threads(Default);
        }

        return Current;
    }
}
