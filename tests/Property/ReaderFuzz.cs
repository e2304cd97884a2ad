using FsCheck;
using FsCheck.Fluent;

namespace ILrg.Tests.Property;

/// <summary>
/// The contract every reader of external bytes must keep (issue 9): for any input it returns valid data or throws
/// <see cref="InvalidDataException"/> — no other exception, no hang, and no more managed allocation than its stated
/// bound. <see cref="Check{T}"/> runs one read and says how it broke the contract (null when it kept it).
/// </summary>
internal static class ReaderFuzz
{
    /// <summary>Longer than any read of these small files may take.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="read"/> on a worker thread with a time limit.</summary>
    /// <param name="what">Names the input in the failure text.</param>
    /// <param name="read">The reader call.</param>
    /// <param name="invalid">Why a returned value is not valid data (null when valid).</param>
    /// <param name="maxAllocatedBytes">Managed bytes the read may allocate (null: no bound checked).</param>
    /// <returns>Null when the contract held, else what went wrong.</returns>
    public static string? Check<T>(string what, Func<T> read, Func<T, string?> invalid, long? maxAllocatedBytes = null)
    {
        var task = Task.Run(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                T value = read();
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                string? reason = invalid(value);
                (value as IDisposable)?.Dispose();
                return reason is null
                    ? AllocationFailure(what, allocated, maxAllocatedBytes)
                    : $"{what}: returned invalid data ({reason})";
            }
            catch (InvalidDataException)
            {
                return AllocationFailure(what, GC.GetAllocatedBytesForCurrentThread() - before, maxAllocatedBytes);
            }
            catch (Exception e)
            {
                return $"{what}: threw {e.GetType().Name}: {e.Message}";
            }
        });
        return task.Wait(HangLimit) ? task.Result : $"{what}: no answer within {HangLimit.TotalSeconds} s (hang)";
    }

    /// <summary>Every proper prefix of <paramref name="valid"/> (lengths 0 .. n−1).</summary>
    public static IEnumerable<(string What, byte[] Bytes)> Truncations(byte[] valid) =>
        Enumerable.Range(0, valid.Length).Select(n => ($"cut to {n} of {valid.Length} bytes", valid[..n]));

    /// <summary>For every offset, the file with that byte XOR-ed with each mask.</summary>
    public static IEnumerable<(string What, byte[] Bytes)> Flips(byte[] valid, params byte[] masks) =>
        from offset in Enumerable.Range(0, valid.Length)
        from mask in masks
        select ($"byte {offset} ^ 0x{mask:x2}", Flip(valid, offset, mask));

    /// <summary>Arbitrary bytes, up to FsCheck's size.</summary>
    public static Gen<byte[]> Bytes() => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));

    /// <summary>A valid prefix (e.g. a magic number) followed by arbitrary bytes, to get past the first
    /// check.</summary>
    public static Gen<byte[]> After(byte[] prefix) => Bytes().Select(tail => prefix.Concat(tail).ToArray());

    /// <summary>The valid file with one to four random bytes replaced.</summary>
    public static Gen<byte[]> Corrupted(byte[] valid) =>
        from count in Gen.Choose(1, 4)
        from offsets in Gen.ArrayOf(Gen.Choose(0, valid.Length - 1), count)
        from values in Gen.ArrayOf(Gen.Choose(0, 255), count)
        select Replace(valid, offsets, values);

    /// <summary>A property that holds when <paramref name="failure"/> is null, labelled with the failure.</summary>
    public static FsCheck.Property Holds(string? failure) => (failure is null).Label(failure ?? "kept the contract");

    /// <summary>All failures of a list of checks, for one assertion.</summary>
    public static List<string> Failures(IEnumerable<string?> outcomes) =>
        outcomes.Where(o => o is not null).Select(o => o!).ToList();

    private static string? AllocationFailure(string what, long allocated, long? bound) =>
        bound is { } max && allocated > max
            ? $"{what}: allocated {allocated} managed bytes, above the bound {max}"
            : null;

    private static byte[] Flip(byte[] valid, int offset, byte mask)
    {
        byte[] copy = (byte[])valid.Clone();
        copy[offset] ^= mask;
        return copy;
    }

    private static byte[] Replace(byte[] valid, int[] offsets, int[] values)
    {
        byte[] copy = (byte[])valid.Clone();
        for (int i = 0; i < offsets.Length; i++)
        {
            copy[offsets[i]] = (byte)values[i];
        }

        return copy;
    }
}
