using System.Buffers.Binary;
using System.Globalization;
using ILrg.Data;
using ILrg.Models;

namespace ILrg.Interop;

/// <summary>
/// Reads an audited model state in any accepted format, including ILrg checkpoints: those are TorchSharp module files
/// that only load into a model of their architecture, which is built from <c>--arch</c> and the shapes the
/// checkpoint's own header lists (<see cref="CheckpointDescription"/>), then verified by
/// <see cref="Checkpoints.LoadInto"/>.
/// </summary>
public static class ModelStateFiles
{
    /// <summary>The model state in <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="architecture">Needed for ILrg checkpoints only: one of ILrg's architectures
    /// (<see cref="ModelArchitectures"/>).</param>
    /// <exception cref="FileNotFoundException">No file.</exception>
    /// <exception cref="InvalidDataException">A damaged file, or a checkpoint saved for another model.</exception>
    /// <exception cref="ArgumentException">An ILrg checkpoint without an architecture.</exception>
    public static StateDict Read(string path, string? architecture)
    {
        byte[] bytes = StateDictReader.ReadCapped(path);
        if (StateDictFormats.Detect(bytes, path) != StateDictFormat.IlrgCheckpoint)
        {
            return StateDictReader.Read(bytes, path);
        }

        if (string.IsNullOrWhiteSpace(architecture))
        {
            throw new ArgumentException(
                $"{path} is an ILrg checkpoint, which loads only into a model of its architecture: give --arch " +
                $"({string.Join(", ", ModelZoo.Names)})");
        }

        (CheckpointDescription description, StateDict shapes) = Describe(bytes, path);
        FinalLayer layer = FinalLayerLocator.Locate(shapes);
        ImageShape input = ImageShape.Parse(Value(description, "input"));
        (Classifier model, ImageShape shape) = ModelArchitectures.Build(architecture, shapes, layer, input);
        using Classifier loaded = Checkpoints.LoadInto(model, shape, path);
        return ModuleStates.ToStateDict(loaded, path, StateDictFormat.IlrgCheckpoint);
    }

    /// <summary>The checkpoint's description and a state dict of zeros with the shapes it lists.</summary>
    private static (CheckpointDescription, StateDict) Describe(byte[] bytes, string path)
    {
        const int Header = 16;
        if (bytes.Length < Header || !bytes.AsSpan().StartsWith(Checkpoints.MagicBytes))
        {
            throw InteropErrors.Bad(path,
                "an ILrg checkpoint without the ILRGCKPT header (written before the format had one); re-create it " +
                "with 'ilrg train'");
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        if (length < 1 || length > Checkpoints.MaxDescriptionBytes || Header + length > bytes.Length)
        {
            throw InteropErrors.Bad(path, "the checkpoint's description length does not fit the file");
        }

        CheckpointDescription description = CheckpointDescription.Parse(bytes.AsSpan(Header, (int)length));
        var tensors = new List<StateTensor>();
        foreach (string line in description.Lines.Where(l => l.StartsWith("tensor ", StringComparison.Ordinal)))
        {
            string[] parts = line.Split(' ');
            long[] shape = parts[3] == "-" ? [] : [.. parts[3].Split('x').Select(d => Dimension(d, path))];
            long count = shape.Aggregate(1L, (a, d) => a > InteropLimits.MaxElements ? a : a * d);
            if (count > InteropLimits.MaxElements)
            {
                throw InteropErrors.Bad(path, $"the checkpoint lists '{parts[1]}' with {count} values, over the cap");
            }

            tensors.Add(StateTensor.FromSingles(parts[1], shape, new float[count]));
        }

        return (description, StateDict.Create(path, StateDictFormat.IlrgCheckpoint, tensors));
    }

    private static long Dimension(string text, string path) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long d)
        && d <= InteropLimits.MaxElements
            ? d
            : throw InteropErrors.Bad(path, $"the checkpoint's description lists a dimension '{text}'");

    private static string Value(CheckpointDescription description, string key) =>
        description.Lines.First(l => l.StartsWith(key + " ", StringComparison.Ordinal))[(key.Length + 1)..];
}
