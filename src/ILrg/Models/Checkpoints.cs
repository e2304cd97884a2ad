namespace ILrg.Models;

/// <summary>Saves and loads a classifier's weights (parameters and BatchNorm buffers) in TorchSharp's module format.</summary>
/// <remarks>SPEC.md §9 (trained models): <c>ilrg train</c> writes these; <c>ilrg run --checkpoint</c> attacks them.</remarks>
public static class Checkpoints
{
    /// <summary>Writes the weights of <paramref name="model"/> to <paramref name="path"/> (folders are created).</summary>
    public static void Save(Classifier model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        model.save(path);
    }

    /// <summary>Replaces the weights of a freshly built <paramref name="model"/> with those saved at <paramref name="path"/>.</summary>
    /// <returns>The same model.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this architecture (names or shapes differ,
    /// or the file is truncated).</exception>
    public static Classifier LoadInto(Classifier model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"checkpoint {path} does not exist", path);
        }

        try
        {
            model.load(path, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException
                                      or NotImplementedException or OverflowException or IndexOutOfRangeException)
        {
            string what = $"{model.GetName()} ({model.Classes} classes, embedding {model.EmbeddingSize})";
            model.Dispose();
            throw new InvalidDataException($"checkpoint {path} does not fit model {what} or is damaged: {e.Message}", e);
        }

        return model;
    }
}
