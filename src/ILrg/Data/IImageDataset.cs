namespace ILrg.Data;

/// <summary>A labelled image dataset whose images come out normalised (x − mean)/std, channel-first.</summary>
public interface IImageDataset
{
    /// <summary>Name used in reports, e.g. "mnist" or "synthetic (CIFAR-100-shaped)".</summary>
    string Name { get; }

    /// <summary>True for generated stand-ins; reports label such results as synthetic.</summary>
    bool IsSynthetic { get; }

    /// <summary>Number of images.</summary>
    int Count { get; }

    /// <summary>Number of classes.</summary>
    int Classes { get; }

    /// <summary>Shape of one image.</summary>
    ImageShape Shape { get; }

    /// <summary>The per-channel mean and std the images are normalised with (fixes the valid pixel box).</summary>
    Normalisation Normalisation { get; }

    /// <summary>The label of image <paramref name="index"/>.</summary>
    int LabelOf(int index);

    /// <summary>Writes the normalised pixels of image <paramref name="index"/> (length
    /// <see cref="ImageShape.Size"/>). May be called from several threads at once (a batch's images are read in
    /// parallel), so an implementation keeps no per-call state outside its arguments.</summary>
    void ReadImage(int index, Span<float> destination);
}
