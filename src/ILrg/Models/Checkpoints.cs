using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ILrg.Models;

/// <summary>
/// Saves and loads a classifier's weights (parameters and BatchNorm buffers) with a checksum and the description of the
/// model they belong to, both verified on load.
/// </summary>
/// <remarks>
/// <para>SPEC.md §9 (trained models): <c>ilrg train</c> writes these; <c>ilrg run --checkpoint</c> attacks them.</para>
/// <para>File format, version 1 (integers little-endian):</para>
/// <code>
/// offset   bytes  field
/// 0        8      magic "ILRGCKPT" (ASCII)
/// 8        4      format version (uint32) = 1
/// 12       4      description length D (uint32), 1 to 65,536
/// 16       D      the model description, UTF-8 (<see cref="CheckpointDescription"/>)
/// 16+D     8      payload length P (int64)
/// 24+D     32     SHA-256 of bytes 8 .. 24+D (version, D, description, P) followed by the payload
/// 56+D     P      the payload: TorchSharp's module format (Module.save: entry count, then name and tensor per entry)
/// </code>
/// <para>Nothing may follow the payload. Load refuses, with an <see cref="InvalidDataException"/> naming the file: a
/// missing magic (including checkpoints written before this format, which carried no header: re-create them with
/// <c>ilrg train</c>; they are not loaded, because nothing could show they are intact), another version, a length
/// that disagrees with the file (truncated or trailing bytes), a checksum mismatch (any changed byte), a description
/// other than the model's own (the message names both), and a payload larger than the model's state. Memory bound:
/// the header (at most 64 KiB) and, only after the size check, the payload, which is at most the model's own
/// parameters and buffers plus 2 KiB per tensor; a larger payload is hashed as a stream without being held.</para>
/// </remarks>
public static class Checkpoints
{
    /// <summary>The current format version.</summary>
    public const uint FormatVersion = 1;

    /// <summary>The longest description accepted: 64 KiB.</summary>
    public const int MaxDescriptionBytes = 1 << 16;

    private static readonly byte[] Magic = "ILRGCKPT"u8.ToArray();

    /// <summary>Writes the weights of <paramref name="model"/>, built for images of <paramref name="inputShape"/>, to
    /// <paramref name="path"/> (folders are created; the file is written to a temporary name and renamed, so a failure
    /// never leaves half a checkpoint).</summary>
    public static void Save(Classifier model, Data.ImageShape inputShape, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] description = CheckpointDescription.Of(model, inputShape).ToUtf8();
        byte[] payload;
        using (var buffer = new MemoryStream())
        {
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                model.save(writer);
            }

            payload = buffer.ToArray();
        }

        byte[] covered = CoveredHeader(description, payload.LongLength);
        byte[] hash = Hash(covered, payload);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (FileStream file = File.Create(temporary))
            {
                file.Write(Magic);
                file.Write(covered);
                file.Write(hash);
                file.Write(payload);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Replaces the weights of a freshly built <paramref name="model"/> (for images of
    /// <paramref name="inputShape"/>) with those saved at <paramref name="path"/>, after verifying the checksum and
    /// that
    /// the checkpoint was saved for exactly this architecture. On failure the model is disposed.</summary>
    /// <returns>The same model.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is damaged, truncated, in another format, or saved for another
    /// model (the message names the file and, for another model, both models).</exception>
    public static Classifier LoadInto(Classifier model, Data.ImageShape inputShape, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"checkpoint {path} does not exist", path);
            }

            using FileStream file = File.OpenRead(path);
            byte[] payload = CheckpointReader.ReadVerified(file, path, model, inputShape);
            CheckpointReader.CheckPayload(payload, model, path);
            Load(model, payload, path);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Bytes 8 .. 24+D of the file: version, description length, description, payload length.</summary>
    internal static byte[] CoveredHeader(byte[] description, long payloadLength)
    {
        var covered = new byte[16 + description.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(covered, FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(covered.AsSpan(4), (uint)description.Length);
        description.CopyTo(covered, 8);
        BinaryPrimitives.WriteInt64LittleEndian(covered.AsSpan(8 + description.Length), payloadLength);
        return covered;
    }

    internal static byte[] Hash(byte[] covered, byte[] payload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(covered);
        hash.AppendData(payload);
        return hash.GetHashAndReset();
    }

    internal static ReadOnlySpan<byte> MagicBytes => Magic;

    private static void Load(Classifier model, byte[] payload, string path)
    {
        using var stream = new MemoryStream(payload, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            model.load(reader, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException
                                      or IOException or NotImplementedException or OverflowException
                                      or IndexOutOfRangeException or FormatException)
        {
            throw new InvalidDataException(
                $"checkpoint {path}: the weights do not load into the model: {e.Message}", e);
        }

        if (stream.Position != stream.Length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"checkpoint {path}: {stream.Length - stream.Position} bytes after the weights in the payload"));
        }
    }
}
