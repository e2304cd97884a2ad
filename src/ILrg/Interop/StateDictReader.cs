using ILrg.Models;

namespace ILrg.Interop;

/// <summary>
/// Reads a state dict (model weights, gradients, or a weight update) from a file in any accepted format, recognised
/// from its bytes: PyTorch <c>torch.save</c> zip, safetensors, NumPy <c>.npz</c>, or an ILrg checkpoint.
/// </summary>
/// <remarks>
/// Every reader is strict and bounded (<see cref="InteropLimits"/>): truncation, trailing bytes, a wrong magic, an
/// implausible shape, a failed CRC, a duplicate key or a file over the cap is an <see cref="InvalidDataException"/>
/// whose message names the file. Values are returned as they are; NaN and infinities are left for the caller to judge
/// (<see cref="StateDict.RequireFinite"/>). No native tensor outlives a call.
/// </remarks>
public static class StateDictReader
{
    /// <summary>Reads the state dict in the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="architecture">A freshly built model of the checkpoint's architecture, needed only for ILrg
    /// checkpoints, which are loaded into it with <see cref="Checkpoints.LoadInto"/> (it is disposed when the
    /// checkpoint does not fit it).</param>
    /// <param name="inputShape">The input shape the architecture was built for (ILrg checkpoints record it).</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid state dict of an accepted format.</exception>
    public static StateDict Read(string path, Classifier? architecture = null, Data.ImageShape? inputShape = null)
    {
        byte[] bytes = ReadCapped(path);
        StateDictFormat format = StateDictFormats.Detect(bytes, path);
        if (format != StateDictFormat.IlrgCheckpoint)
        {
            return Parse(bytes, path, format);
        }

        if (architecture is null || inputShape is null)
        {
            throw InteropErrors.Bad(path,
                "an ILrg checkpoint (TorchSharp module format), which is read into a model of its architecture: " +
                "give the architecture (the model it was saved from) and its input shape");
        }

        Checkpoints.LoadInto(architecture, inputShape, path);
        return ModuleStates.ToStateDict(architecture, path, StateDictFormat.IlrgCheckpoint);
    }

    /// <summary>Reads a state dict held in memory (any format but ILrg checkpoints, which need a file).</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="source">What to call it in messages.</param>
    /// <exception cref="InvalidDataException">Not a valid state dict of an accepted format.</exception>
    public static StateDict Read(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (bytes.LongLength > InteropLimits.MaxFileBytes)
        {
            throw InteropErrors.Bad(source,
                $"{bytes.LongLength} bytes, over the cap of {InteropLimits.MaxFileBytes} bytes");
        }

        StateDictFormat format = StateDictFormats.Detect(bytes, source);
        if (format == StateDictFormat.IlrgCheckpoint)
        {
            throw InteropErrors.Bad(source, "an ILrg checkpoint, which is read from a file into a model of its " +
                                            "architecture (StateDictReader.Read(path, architecture))");
        }

        return Parse(bytes, source, format);
    }

    /// <summary>The whole file, refusing files over <see cref="InteropLimits.MaxFileBytes"/> before reading
    /// them.</summary>
    internal static byte[] ReadCapped(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }

        if (info.Length > InteropLimits.MaxFileBytes)
        {
            throw InteropErrors.Bad(path,
                $"{info.Length} bytes, over the cap of {InteropLimits.MaxFileBytes} bytes (1 GiB) for one file");
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.LongLength != info.Length)
        {
            throw InteropErrors.Bad(path, "the file changed while it was read");
        }

        return bytes;
    }

    private static StateDict Parse(byte[] bytes, string source, StateDictFormat format) => format switch
    {
        StateDictFormat.PyTorchZip => PyTorchZipReader.Read(bytes, source),
        StateDictFormat.Safetensors => SafetensorsReader.Read(bytes, source),
        StateDictFormat.NumpyNpz => NpzReader.Read(bytes, source),
        _ => throw new InvalidOperationException($"no reader for {format}"),
    };
}
