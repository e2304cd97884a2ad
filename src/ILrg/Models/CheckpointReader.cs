using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using ILrg.Data;

namespace ILrg.Models;

/// <summary>Reads and verifies the header, checksum and description of a checkpoint (format in
/// <see cref="Checkpoints"/>) and returns the verified payload.</summary>
internal static class CheckpointReader
{
    private const int HashBytes = 32;

    /// <summary>Bytes per saved tensor allowed beyond its data (its name, dtype and shape).</summary>
    private const long OverheadPerTensor = 2048;

    /// <exception cref="InvalidDataException">Anything but an intact checkpoint saved for this model.</exception>
    public static byte[] ReadVerified(FileStream file, string path, Classifier model, ImageShape inputShape)
    {
        long length = file.Length;
        Span<byte> magic = stackalloc byte[8];
        int got = file.ReadAtLeast(magic, 8, throwOnEndOfStream: false);
        if (got < 8 || !magic.SequenceEqual(Checkpoints.MagicBytes))
        {
            throw Bad(path, length == 0
                ? "the file is empty"
                : "not an ILrg checkpoint (no ILRGCKPT header). Checkpoints written before they carried a checksum " +
                  "and model description are refused, since nothing shows they are intact: re-create it with " +
                  "'ilrg train'");
        }

        Span<byte> fixedPart = stackalloc byte[8];
        ReadExactly(file, fixedPart, path, "the header");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart);
        uint descriptionLength = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[4..]);
        if (version != Checkpoints.FormatVersion)
        {
            throw Bad(path, Invariant(
                $"format version {version} is not supported (this ilrg reads {Checkpoints.FormatVersion})"));
        }

        if (descriptionLength is < 1 or > Checkpoints.MaxDescriptionBytes)
        {
            throw Bad(path, Invariant(
                $"description length {descriptionLength} is outside 1..{Checkpoints.MaxDescriptionBytes}"));
        }

        int d = (int)descriptionLength;
        if (length < 56L + d)
        {
            throw Bad(path, Invariant($"truncated: {length} bytes, shorter than the {56 + d}-byte header"));
        }

        var covered = new byte[16 + d];
        fixedPart.CopyTo(covered);
        ReadExactly(file, covered.AsSpan(8), path, "the description");
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(covered.AsSpan(8 + d));
        long expected = 56L + d + payloadLength;
        if (payloadLength < 0 || expected != length)
        {
            throw Bad(path, payloadLength >= 0 && expected > length
                ? Invariant($"truncated: {length} bytes, but the header declares {expected}")
                : Invariant($"{length} bytes, but the header declares {expected}: trailing bytes or a damaged header"));
        }

        var storedHash = new byte[HashBytes];
        ReadExactly(file, storedHash, path, "the checksum");
        long bound = StateBytes(model);
        byte[]? payload = payloadLength <= bound ? new byte[payloadLength] : null;
        byte[] actualHash = payload is null
            ? HashStreaming(file, covered, path)
            : HashInMemory(file, covered, payload, path);
        if (!CryptographicOperations.FixedTimeEquals(actualHash, storedHash))
        {
            throw Bad(path, "checksum mismatch: the file changed after it was saved (damaged or edited)");
        }

        CheckpointDescription saved = CheckpointDescription.Parse(covered.AsSpan(8, d));
        CheckpointDescription wanted = CheckpointDescription.Of(model, inputShape);
        if (!saved.SameAs(wanted))
        {
            throw Bad(path, $"saved for {saved.Summary()}, but the model is {wanted.Summary()} (first difference, " +
                            $"checkpoint vs model: {saved.FirstDifference(wanted)}); build the model it was saved for");
        }

        return payload ?? throw Bad(path, Invariant(
            $"the weights take {payloadLength} bytes, more than the model's own state allows ({bound})"));
    }

    /// <summary>The payload size a model's state can need: its tensors' bytes plus per-tensor overhead.</summary>
    /// <summary>
    /// Walks the payload in TorchSharp's module format (entry count, then per entry a length-prefixed UTF-8 name, the
    /// element type, the rank, the dimensions — all 7-bit encoded — and the raw elements) against the model's own state
    /// before TorchSharp reads it: a payload crafted with a valid checksum could otherwise make TorchSharp allocate a
    /// shape of any rank (megabytes from a 200-byte file) or read tensors of other shapes.
    /// </summary>
    /// <exception cref="InvalidDataException">The payload does not describe exactly the model's state.</exception>
    public static void CheckPayload(byte[] payload, Classifier model, string path)
    {
        var expected = new Dictionary<string, (long Type, long[] Shape, long Bytes)>(StringComparer.Ordinal);
        foreach ((string name, TorchSharp.torch.Tensor tensor) in model.state_dict())
        {
            expected[name] = ((long)tensor.dtype, tensor.shape, tensor.numel() * tensor.ElementSize);
        }

        int position = 0;
        long count = ReadEncoded(payload, ref position, path);
        if (count != expected.Count)
        {
            throw Bad(path, Invariant($"the weights hold {count} tensors, the model {expected.Count}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < count; i++)
        {
            long nameLength = ReadEncoded(payload, ref position, path);
            if (nameLength > payload.Length - position)
            {
                throw Bad(path, "truncated in a tensor name");
            }

            string name = System.Text.Encoding.UTF8.GetString(payload, position, (int)nameLength);
            position += (int)nameLength;
            if (!expected.TryGetValue(name, out var want) || !seen.Add(name))
            {
                throw Bad(path, $"the weights name a tensor '{name}' the model does not have (or name it twice)");
            }

            long type = ReadEncoded(payload, ref position, path);
            long rank = ReadEncoded(payload, ref position, path);
            if (type != want.Type || rank != want.Shape.Length)
            {
                string stored = Invariant($"type {type} and rank {rank}");
                string own = Invariant($"{want.Type} and {want.Shape.Length}");
                throw Bad(path, $"tensor '{name}' is stored with {stored}, the model's has {own}");
            }

            for (int r = 0; r < rank; r++)
            {
                if (ReadEncoded(payload, ref position, path) != want.Shape[r])
                {
                    throw Bad(path, $"tensor '{name}' is stored with another shape than the model's " +
                                    $"[{string.Join(", ", want.Shape)}]");
                }
            }

            if (want.Bytes > payload.Length - position)
            {
                throw Bad(path, $"truncated in the elements of tensor '{name}'");
            }

            position += (int)want.Bytes;
        }

        if (position != payload.Length)
        {
            throw Bad(path, Invariant($"{payload.Length - position} bytes after the last tensor"));
        }
    }

    private static long ReadEncoded(byte[] payload, ref int position, string path)
    {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            if (position >= payload.Length)
            {
                throw Bad(path, "truncated in the weights' structure");
            }

            byte b = payload[position++];
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw Bad(path, "a malformed number in the weights' structure");
    }

    private static long StateBytes(Classifier model)
    {
        long total = 64;
        foreach ((_, TorchSharp.torch.Tensor tensor) in model.state_dict())
        {
            total += tensor.numel() * tensor.ElementSize + OverheadPerTensor;
        }

        return total;
    }

    private static byte[] HashInMemory(FileStream file, byte[] covered, byte[] payload, string path)
    {
        ReadExactly(file, payload, path, "the weights");
        return Checkpoints.Hash(covered, payload);
    }

    private static byte[] HashStreaming(FileStream file, byte[] covered, string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(covered);
        var buffer = new byte[1 << 20];
        int n;
        while ((n = file.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
        }

        if (file.Position != file.Length)
        {
            throw Bad(path, "the file changed while being read");
        }

        return hash.GetHashAndReset();
    }

    private static void ReadExactly(FileStream file, Span<byte> buffer, string path, string what)
    {
        if (file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw Bad(path, $"truncated in {what}");
        }
    }

    private static InvalidDataException Bad(string path, string what) => new($"checkpoint {path}: {what}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
