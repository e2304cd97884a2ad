using ILrg.Cli;
using ILrg.Data;
using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Models;

/// <summary><c>--device auto|cpu|cuda</c> on this CPU build (the CUDA path cannot be run here).</summary>
public sealed class ComputeDeviceTests
{
    [Test]
    public void Runtime_DefaultBuild_IsCpu()
    {
        Assert.That(ComputeDevice.Runtime, Is.EqualTo(ComputeDevice.Cpu));
    }

    [Test]
    public void Resolve_CpuAndAutoWithoutCuda_AreCpu()
    {
        Assume.That(cuda.is_available(), Is.False, "a CUDA device is visible");

        Assert.Multiple(() =>
        {
            Assert.That(ComputeDevice.Resolve("cpu"), Is.EqualTo(ComputeDevice.Cpu));
            Assert.That(ComputeDevice.Resolve("AUTO"), Is.EqualTo(ComputeDevice.Cpu));
        });
    }

    [Test]
    public void Resolve_CudaOnACpuBuild_ThrowsEnvironmentMissingNamingTheBuildSwitch()
    {
        Assume.That(ComputeDevice.Runtime, Is.EqualTo(ComputeDevice.Cpu));

        var e = Assert.Throws<EnvironmentMissingException>(() => ComputeDevice.Resolve("cuda"));

        Assert.That(e!.Message, Does.Contain("CPU build").And.Contain("-p:TorchRuntime=cuda"));
    }

    [Test]
    public void Resolve_UnknownDevice_Throws()
    {
        Assert.Throws<ArgumentException>(() => ComputeDevice.Resolve("tpu"));
    }

    [Test]
    public void Run_DeviceCudaOnACpuBuild_ExitsThreeWithOneLine()
    {
        Assume.That(ComputeDevice.Runtime, Is.EqualTo(ComputeDevice.Cpu));
        var error = new StringWriter();

        int code = CommandLine.Run(
            ["run", "--dataset", "synthetic", "--model", "lenet5", "--batch-size", "4", "--device", "cuda"],
            TextWriter.Null, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.EnvironmentMissing));
            Assert.That(error.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(error.ToString(), Does.Contain("--device cuda"));
        });
    }

    [Test]
    public void MoveTo_SameDevice_ReturnsTheTensorItself()
    {
        using var scope = NewDisposeScope();
        Tensor t = ones(3);

        Assert.That(ComputeDevice.MoveTo(t, CPU), Is.SameAs(t));
    }
}
