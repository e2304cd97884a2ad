using System.Reflection;
using ILrg.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Models;

/// <summary>
/// Where tensors and models live (<c>--device auto|cpu|cuda</c>). Models are always initialised on the CPU from their
/// seeded generator and then moved, so a device changes where the client computes, not the weights. On the CPU nothing
/// is moved at all, so CPU results are exactly those of a build without devices.
/// </summary>
public static class ComputeDevice
{
    /// <summary>The CPU.</summary>
    public const string Cpu = "cpu";

    /// <summary>The first CUDA device.</summary>
    public const string Cuda = "cuda";

    /// <summary>The choices of <c>--device</c>.</summary>
    public static IReadOnlyList<string> Choices { get; } = ["auto", Cpu, Cuda];

    /// <summary>The TorchSharp runtime this build was made with: "cpu" (TorchSharp-cpu, the default) or "cuda" (built
    /// with <c>-p:TorchRuntime=cuda</c>).</summary>
    public static string Runtime { get; } = typeof(ComputeDevice).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "TorchRuntime")?.Value is { Length: > 0 } r ? r : Cpu;

    /// <summary>Resolves a choice to "cpu" or "cuda": auto takes CUDA when a device is visible.</summary>
    /// <exception cref="EnvironmentMissingException">cuda was asked for and is not available (a CPU build, or no
    /// visible device); the message says which and how to fix it.</exception>
    /// <exception cref="ArgumentException">Not a choice.</exception>
    public static string Resolve(string choice) => choice?.ToLowerInvariant() switch
    {
        "auto" => CudaAvailable() ? Cuda : Cpu,
        Cpu => Cpu,
        Cuda => CudaAvailable() ? Cuda : throw new EnvironmentMissingException(Runtime == Cuda
            ? "--device cuda: no CUDA device is visible to libtorch (check the driver and CUDA_VISIBLE_DEVICES)"
            : "--device cuda: this is a CPU build (TorchSharp-cpu); rebuild with -p:TorchRuntime=cuda on a machine " +
              "with CUDA, or use --device cpu"),
        _ => throw new ArgumentException($"unknown device '{choice}'; expected one of: {string.Join(", ", Choices)}"),
    };

    /// <summary>The TorchSharp device of a resolved name.</summary>
    public static Device Torch(string resolved) => resolved == Cuda ? CUDA : CPU;

    /// <summary>The device a module's parameters live on (the CPU for a module without parameters).</summary>
    public static Device Of(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        Tensor? first = module.parameters().FirstOrDefault();
        return first?.device ?? CPU;
    }

    /// <summary><paramref name="t"/> on <paramref name="device"/>: itself (no copy) when it is already there.</summary>
    public static Tensor On(Tensor t, Device device)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(device);
        return t.device_type == device.type ? t : t.to(device);
    }

    /// <summary><paramref name="t"/> moved to <paramref name="device"/>, releasing the original; <paramref name="t"/>
    /// itself when it is already there (for tensors the caller just created and owns).</summary>
    public static Tensor MoveTo(Tensor t, Device device)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(device);
        if (t.device_type == device.type)
        {
            return t;
        }

        Tensor moved = t.to(device);
        t.Dispose();
        return moved;
    }

    private static bool CudaAvailable() => cuda.is_available();
}
