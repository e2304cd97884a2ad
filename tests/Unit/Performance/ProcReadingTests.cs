using ILrg.Performance;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Performance;

public sealed class ProcReadingTests
{
    private const string Status = "Name:\tdotnet\nVmPeak:\t 9000000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";

    [TestCase("VmHWM", 200.0)]
    [TestCase("VmRSS", 100.0)]
    public void ParseMiB_StatusField_KiBAsMiB(string field, double mib)
    {
        Assert.That(PeakMemory.ParseMiB(Status, field), Is.EqualTo(mib));
    }

    [TestCase("VmSwap")]
    [TestCase("Name")]
    public void ParseMiB_AbsentOrNotKiB_Null(string field)
    {
        Assert.That(PeakMemory.ParseMiB(Status, field), Is.Null);
    }

    [Test]
    public void Parse_LoadAvg_FirstField()
    {
        Assert.That(MachineLoad.Parse("3.52 2.10 1.07 2/181 12345\n"), Is.EqualTo(3.52));
    }

    [Test]
    public void Parse_NotANumber_Null()
    {
        Assert.That(MachineLoad.Parse("busy"), Is.Null);
    }

    [Test]
    public void Start_ThenFinish_PeakOrAReasonWhyNot()
    {
        MemoryReading reading = PeakMemory.Start().Finish();

        Assert.That(reading.PeakRssMiB is null, Is.EqualTo(reading.Note is not null),
            $"peak {reading.PeakRssMiB}, note '{reading.Note}'");
    }

    [Test]
    public void Start_AfterAnEarlierPeak_MeasuresOnlyTheNewStretch()
    {
        const int Size = 256 << 20;
        PeakMemory first = PeakMemory.Start();
        Touch(Size);
        MemoryReading withBlock = first.Finish();
        if (withBlock.PeakRssMiB is null)
        {
            Assert.Inconclusive($"no peak RSS on this system: {withBlock.Note}");
        }

        MemoryReading after = PeakMemory.Start().Finish();

        Assert.Multiple(() =>
        {
            Assert.That(withBlock.PeakRssMiB, Is.GreaterThan(withBlock.RssBeforeMiB! + 200), "the block counted");
            Assert.That(after.PeakRssMiB, Is.LessThan(withBlock.PeakRssMiB - 200), "the reset forgot the block");
        });
    }

    private static void Touch(int bytes)
    {
        IntPtr block = System.Runtime.InteropServices.Marshal.AllocHGlobal(bytes);
        try
        {
            for (int offset = 0; offset < bytes; offset += 4096)
            {
                System.Runtime.InteropServices.Marshal.WriteByte(block, offset, 1);
            }
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeHGlobal(block);
        }
    }
}
