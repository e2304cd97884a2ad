using ILrg.Interop;
using NUnit.Framework;

namespace ILrg.Tests.Property;

/// <summary>
/// Exhaustive companions of the fuzz properties: every truncation and every single flipped byte (each bit inverted)
/// of each small valid file gives a well-formed result or one InvalidDataException, in time. A flip that is accepted
/// never changes a name, shape or element type; in the zip formats (CRC-checked) it changes nothing at all, while
/// .npy and safetensors carry no checksum, so a flipped data byte can only change that value.
/// </summary>
public sealed class InteropOffsetTests
{
    private static IEnumerable<TestCaseData> Files() =>
        InteropFuzz.SmallValidFiles().Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Files))]
    public void Read_TruncatedAtEveryOffset_InvalidData(string name)
    {
        byte[] valid = InteropFuzz.SmallValidFiles().Single(f => f.Name == name).Bytes;

        for (int cut = 0; cut < valid.Length; cut++)
        {
            byte[] bytes = valid[..cut];
            string outcome = InteropFuzz.Run(() => InteropFuzz.ReadAs(name, bytes));
            Assert.That(outcome, Is.EqualTo("ok"), $"{name} cut at {cut}");
            Assert.Throws<InvalidDataException>(
                () => InteropFuzz.ReadAs(name, bytes), $"{name} cut at {cut} was accepted");
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Read_ByteFlippedAtEveryOffset_StateDictOrInvalidData(string name)
    {
        byte[] valid = InteropFuzz.SmallValidFiles().Single(f => f.Name == name).Bytes;
        List<StateTensor> original = Tensors(InteropFuzz.ReadAs(name, valid));
        bool checksummed = name.EndsWith(".pt", StringComparison.Ordinal)
                           || name.EndsWith(".npz", StringComparison.Ordinal);
        int rejected = 0;

        for (int at = 0; at < valid.Length; at++)
        {
            byte[] bytes = [.. valid];
            bytes[at] ^= 0xff;
            string outcome = InteropFuzz.Run(() => InteropFuzz.ReadAs(name, bytes));
            Assert.That(outcome, Is.EqualTo("ok"), $"{name} flipped at {at}");
            List<StateTensor>? read = TryRead(name, bytes);
            if (read is null)
            {
                rejected++;
                continue;
            }

            Assert.That(read.Select(Layout), Is.EqualTo(original.Select(Layout)), $"{name} flipped at {at}");
            if (checksummed)
            {
                Assert.That(read.Select(t => t.ToDoubles()), Is.EqualTo(original.Select(t => t.ToDoubles())),
                    $"{name} flipped at {at}: values changed although the zip entries are CRC-checked");
            }
        }

        TestContext.Out.WriteLine($"{name}: {rejected} of {valid.Length} single-byte flips rejected");
    }

    private static string Layout(StateTensor t) => $"{t.Name} {t.DType} {t.ShapeText}";

    private static List<StateTensor> Tensors(object result) =>
        result is StateDict d ? [.. d] : [(StateTensor)result];

    private static List<StateTensor>? TryRead(string name, byte[] bytes)
    {
        try
        {
            return Tensors(InteropFuzz.ReadAs(name, bytes));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
