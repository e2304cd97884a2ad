namespace ILrg.Interop;

/// <summary>
/// Reads NumPy <c>.npz</c> archives (from <c>numpy.savez</c> or <c>numpy.savez_compressed</c>): a zip whose every
/// entry is a <c>KEY.npy</c> array, read strictly with <see cref="NpyReader"/>. Keys keep the archive order.
/// </summary>
internal static class NpzReader
{
    private const string Npy = ".npy";

    /// <summary>Reads the archive in <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">Anything wrong; the message names <paramref name="source"/>.</exception>
    public static StateDict Read(byte[] bytes, string source)
    {
        ZipContents zip = ZipContents.Read(bytes, source, ".npz archive");
        if (zip.Entries.Count == 0)
        {
            throw InteropErrors.Bad(source, "the .npz archive holds no arrays");
        }

        var tensors = new List<StateTensor>(zip.Entries.Count);
        foreach ((string entry, byte[] data) in zip.Entries)
        {
            if (!entry.EndsWith(Npy, StringComparison.Ordinal) || entry.Length == Npy.Length)
            {
                throw InteropErrors.Bad(source,
                    $"the .npz entry '{entry}' is not a NAME.npy array; an .npz state dict holds only arrays");
            }

            string key = entry[..^Npy.Length];
            if (System.Text.Encoding.UTF8.GetByteCount(key) > InteropLimits.MaxNameBytes)
            {
                throw InteropErrors.Bad(source,
                    $"an .npz key is longer than {InteropLimits.MaxNameBytes} bytes");
            }

            tensors.Add(NpyReader.Parse(data, $"{source} (entry {entry})", key));
        }

        return StateDict.Create(source, StateDictFormat.NumpyNpz, tensors);
    }
}
