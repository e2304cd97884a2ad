using FsCheck;
using FsCheck.Fluent;
using ILrg.Interop;
using ILrg.Testing;

namespace ILrg.Tests.Property;

/// <summary>The outcome check shared by the interop fuzz properties and the exhaustive offset tests.</summary>
internal static class InteropFuzz
{
    /// <summary>Longest a single read may take before it counts as a hang.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Small valid files of each format: hand-built ones and two written by PyTorch and NumPy.</summary>
    public static (string Name, byte[] Bytes)[] SmallValidFiles() =>
    [
        ("small.npy", InteropBytes.NpyFloat32([2, 3], 1, -2, 3, -4, 5, -6)),
        ("small.npz", InteropBytes.SmallNpz()),
        ("small.safetensors", InteropBytes.SmallSafetensors()),
        ("layouts.npz", File.ReadAllBytes(InteropFixtures.Interop("layouts", "layouts.npz"))),
        ("layouts.pt", File.ReadAllBytes(InteropFixtures.Interop("layouts", "layouts.pt"))),
    ];

    /// <summary>Reads <paramref name="bytes"/> with the reader for <paramref name="name"/>'s format (the .npy parser
    /// for .npy, the format detector and the readers otherwise).</summary>
    public static object ReadAs(string name, byte[] bytes) => name.EndsWith(".npy", StringComparison.Ordinal)
        ? NpyReader.Parse(bytes, name, "x")
        : StateDictReader.Read(bytes, name);

    /// <summary>True when <paramref name="read"/> finishes in time and returns a well-formed result or throws
    /// InvalidDataException; labelled with what happened otherwise.</summary>
    public static FsCheck.Property Check(Func<object> read)
    {
        string outcome = Run(read);
        return (outcome == "ok").Label(outcome);
    }

    /// <summary>"ok", or a description of the failure (another exception type, a malformed result, a hang).</summary>
    public static string Run(Func<object> read)
    {
        Task<string> task = Task.Run(() =>
        {
            try
            {
                return WellFormed(read());
            }
            catch (InvalidDataException e)
            {
                return e.Message.Length > 0 ? "ok" : "InvalidDataException without a message";
            }
            catch (Exception e)
            {
                return $"{e.GetType().Name}: {e.Message}";
            }
        });
        return task.Wait(Limit) ? task.Result : $"no answer within {Limit.TotalSeconds} s (a hang)";
    }

    private static string WellFormed(object result) => result switch
    {
        StateDict d when d.Select(t => t.Name).Distinct().Count() != d.Count => "duplicate keys returned",
        StateDict d => d.Select(WellFormed).FirstOrDefault(s => s != "ok") ?? "ok",
        StateTensor t when t.ToDoubles().LongLength != t.ElementCount
                           || t.Shape.Aggregate(1L, (a, b) => a * b) != t.ElementCount => $"malformed tensor {t}",
        StateTensor => "ok",
        StateDictFormat => "ok",
        _ => $"unexpected result {result.GetType().Name}",
    };
}
