using System.Collections;
using System.Globalization;
using TorchSharp.PyBridge;

namespace ILrg.Interop;

/// <summary>
/// Reads <c>torch.save</c> files in PyTorch's zip format (PyTorch 1.6 and later): TorchSharp.PyBridge unpickles
/// <c>data.pkl</c> without reading any tensor, then every tensor's shape, strides and offset are checked against its
/// storage (a zip entry whose CRC has been verified) and the values are copied out in managed memory.
/// </summary>
/// <remarks>
/// Order: PyBridge returns an unordered table, but <c>torch.save</c> numbers the storages (<c>data/0</c>,
/// <c>data/1</c>, …) in the order it pickles them, which is the state dict's order; tensors are ordered by that
/// number, then by storage offset, then by name (for tensors sharing a storage).
/// </remarks>
internal static class PyTorchZipReader
{
    private const string What = "torch.save zip archive";

    /// <summary>Reads the file held in <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">Anything wrong; the message names <paramref name="source"/>.</exception>
    public static StateDict Read(byte[] bytes, string source)
    {
        ZipContents zip = ZipContents.Read(bytes, source, What);
        int pickles = zip.Entries.Count(e => IsDataPkl(e.Key));
        if (pickles != 1)
        {
            throw InteropErrors.Bad(source,
                $"the {What} holds {pickles} data.pkl entries; a torch.save file holds exactly one");
        }

        Hashtable table = Unpickle(bytes, source);
        var tensors = new List<(long Storage, long Offset, StateTensor Tensor)>(table.Count);
        foreach (DictionaryEntry item in table)
        {
            if (item.Key is not string key)
            {
                throw InteropErrors.Bad(source,
                    $"the pickled dict has a key of type {item.Key.GetType().Name}, not a string: not a state dict");
            }

            PickledTensor pickled = PickledTensor.From(item.Value, source, key) ?? throw InteropErrors.Bad(source,
                $"the value of '{key}' is a {Describe(item.Value)}, not a tensor: save model.state_dict() itself " +
                "(a dict of tensors)");
            (long storage, StateTensor tensor) = Decode(pickled, key, zip, source);
            tensors.Add((storage, pickled.StorageOffset, tensor));
        }

        if (tensors.Count == 0)
        {
            throw InteropErrors.Bad(source, "the state dict holds no tensors");
        }

        var ordered = tensors
            .OrderBy(t => t.Storage)
            .ThenBy(t => t.Offset)
            .ThenBy(t => t.Tensor.Name, StringComparer.Ordinal)
            .Select(t => t.Tensor);
        return StateDict.Create(source, StateDictFormat.PyTorchZip, ordered.ToList());
    }

    private static Hashtable Unpickle(byte[] bytes, string source)
    {
        object? result;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            result = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true, skipTensorRead: true);
        }
        catch (NotImplementedException e) when (e.Message.Contains("entire model", StringComparison.Ordinal))
        {
            throw InteropErrors.Bad(source,
                "the file holds a whole pickled module, not a state dict: save it with " +
                "torch.save(model.state_dict(), path)", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw InteropErrors.Bad(source,
                $"the pickle inside the {What} could not be read as a state dict ({e.GetType().Name}: {e.Message})", e);
        }

        return result as Hashtable ?? throw InteropErrors.Bad(source,
            $"the file holds a {Describe(result)}, not a state dict (a dict of tensors)");
    }

    private static (long Storage, StateTensor Tensor) Decode(
        PickledTensor t, string key, ZipContents zip, string source)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(key) > InteropLimits.MaxNameBytes)
        {
            throw InteropErrors.Bad(source, $"a key is longer than {InteropLimits.MaxNameBytes} bytes");
        }

        if (t.ArchiveIndex < 0 || t.ArchiveIndex >= zip.Entries.Count)
        {
            throw InteropErrors.Bad(source, $"tensor '{key}' refers to a storage the archive does not hold");
        }

        (string entry, byte[] storage) = zip.Entries[t.ArchiveIndex];
        int size = t.DType.ElementSize();
        if (t.Shape.Length != t.Stride.Length)
        {
            throw InteropErrors.Bad(source,
                $"tensor '{key}' has {t.Shape.Length} dimensions but {t.Stride.Length} strides");
        }

        long count = TensorLayout.ElementCount(t.Shape, size, source, key);
        if (storage.Length % size != 0)
        {
            throw InteropErrors.Bad(source,
                $"the storage '{entry}' of tensor '{key}' holds {storage.Length} bytes, not a whole number of " +
                $"{t.DType.DisplayName()} elements");
        }

        long max = TensorLayout.MaxIndex(t.Shape, t.Stride, t.StorageOffset);
        if (t.StorageOffset < 0 || t.Stride.Any(s => s < 0) || max < 0 || (count > 0 && max >= storage.Length / size))
        {
            throw InteropErrors.Bad(source,
                $"tensor '{key}' (shape {StateTensor.FormatShape(t.Shape)}, strides " +
                $"[{string.Join(", ", t.Stride)}], offset {t.StorageOffset}) reaches beyond its storage '{entry}' of " +
                $"{storage.Length / size} elements");
        }

        byte[] data = TensorLayout.Gather(storage, size, t.Shape, t.Stride, t.StorageOffset, count);
        return (StorageNumber(entry), StateTensor.FromLittleEndian(key, t.DType, t.Shape, count, count, data));
    }

    private static bool IsDataPkl(string entry) =>
        entry == "data.pkl" || entry.EndsWith("/data.pkl", StringComparison.Ordinal);

    private static long StorageNumber(string entry)
    {
        int slash = entry.LastIndexOf('/');
        return long.TryParse(entry.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            ? n
            : long.MaxValue;
    }

    private static string Describe(object? value) => value switch
    {
        null => "None",
        Hashtable => "nested dict",
        string => "string",
        int or long or double => "number",
        _ => value.GetType().Name,
    };
}
