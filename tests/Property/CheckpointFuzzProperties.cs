using FsCheck;
using FsCheck.Fluent;
using ILrg.Data;
using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Property;

/// <summary>Fuzzing checkpoint loading (issue 9). Every byte of a checkpoint is covered by its checks, so a truncated,
/// extended or altered file is always refused with <see cref="InvalidDataException"/>; a payload that passes the
/// checksum because it was re-signed (crafted) still loads or fails with that exception, never natively. Memory bound:
/// the header (at most 64 KiB), the payload when it fits the model's state, a 1 MiB hashing buffer otherwise.</summary>
[TestFixture]
public sealed class CheckpointFuzzProperties
{
    private static readonly ImageShape Shape = new(1, 2, 2);
    private string _dir = null!;
    private byte[] _valid = [];
    private byte[] _description = [];
    private byte[] _payload = [];

    [OneTimeSetUp]
    public void SaveOne()
    {
        _dir = Directory.CreateTempSubdirectory("ilrg-fuzz-ckpt-").FullName;
        string path = Path.Combine(_dir, "valid.pt");
        using (Classifier model = Model(1))
        {
            Checkpoints.Save(model, Shape, path);
        }

        _valid = File.ReadAllBytes(path);
        int d = BitConverter.ToInt32(_valid, 12);
        _description = _valid[16..(16 + d)];
        _payload = _valid[(56 + d)..];
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static Fcn Model(ulong seed)
    {
        using var generator = new Generator(seed);
        return new Fcn(Shape.Size, 2, 0, 3, Activation.Relu, generator);
    }

    /// <summary>A checkpoint with a correct checksum around any payload: what someone crafting a file can
    /// write.</summary>
    private byte[] Signed(byte[] payload)
    {
        byte[] covered = Checkpoints.CoveredHeader(_description, payload.LongLength);
        return [.. "ILRGCKPT"u8, .. covered, .. Checkpoints.Hash(covered, payload), .. payload];
    }

    private string? Load(string what, byte[] bytes, bool mustReject)
    {
        string path = Path.Combine(_dir, "probe.pt");
        File.WriteAllBytes(path, bytes);
        return ReaderFuzz.Check(what, () => Checkpoints.LoadInto(Model(2), Shape, path),
            _ => mustReject ? "loaded an altered checkpoint" : null, (2L << 20) + 2L * bytes.Length);
    }

    [Test]
    public void LoadInto_ValidFile_Loads()
    {
        Assert.That(Load("valid", _valid, mustReject: false), Is.Null);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public FsCheck.Property LoadInto_ArbitraryBytes_InvalidData() =>
        Prop.ForAll(ReaderFuzz.Bytes().ToArbitrary(), b => ReaderFuzz.Holds(Load("arbitrary", b, mustReject: true)));

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public FsCheck.Property LoadInto_MagicAndVersionThenArbitraryBytes_InvalidData() =>
        Prop.ForAll(ReaderFuzz.After(_valid[..12]).ToArbitrary(),
            b => ReaderFuzz.Holds(Load("header + arbitrary", b, mustReject: true)));

    [Test]
    public void LoadInto_TruncatedAtEveryOffset_AlwaysInvalidData()
    {
        var failures = ReaderFuzz.Failures(
            ReaderFuzz.Truncations(_valid).Select(t => Load(t.What, t.Bytes, mustReject: true)));

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void LoadInto_ByteFlippedAtEveryOffset_AlwaysInvalidData()
    {
        var failures = ReaderFuzz.Failures(
            ReaderFuzz.Flips(_valid, 0x01, 0xFF).Select(t => Load(t.What, t.Bytes, mustReject: true)));

        Assert.That(failures, Is.Empty);
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public FsCheck.Property LoadInto_CraftedPayloadWithValidChecksum_LoadsOrInvalidData() =>
        Prop.ForAll(ReaderFuzz.Corrupted(_payload).ToArbitrary(),
            p => ReaderFuzz.Holds(Load("re-signed payload", Signed(p), mustReject: false)));

    [Test]
    public void LoadInto_CraftedPayloadCutAtEveryOffset_AlwaysInvalidData()
    {
        var failures = ReaderFuzz.Failures(ReaderFuzz.Truncations(_payload)
            .Select(t => Load("re-signed payload " + t.What, Signed(t.Bytes), mustReject: true)));

        Assert.That(failures, Is.Empty);
    }
}
