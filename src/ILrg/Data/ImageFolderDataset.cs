using System.Globalization;
using ILrg.Numerics;
using SkiaSharp;

namespace ILrg.Data;

/// <summary>
/// ImageNet laid out as a folder of class folders of JPEG/PNG files (class index = position of the folder name in
/// ordinal order). Images are decoded on read: shorter side resized to 256 (bilinear with mipmaps), centre crop 224,
/// RGB channel-first in [0,1], ImageNet normalisation.
/// </summary>
/// <remarks>SPEC.md §6 (ImageNet pre-processing). Decoding uses SkiaSharp.</remarks>
public sealed class ImageFolderDataset : IImageDataset
{
    /// <summary>Side of the resized shorter edge.</summary>
    public const int ResizeTo = 256;

    /// <summary>Side of the centre crop.</summary>
    public const int CropTo = 224;

    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];
    private readonly string[] _files;
    private readonly int[] _labels;

    private ImageFolderDataset(string name, IReadOnlyList<string> classNames, string[] files, int[] labels)
    {
        Name = name;
        ClassNames = classNames;
        _files = files;
        _labels = labels;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Class folder names in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public bool IsSynthetic => false;

    /// <inheritdoc />
    public Normalisation Normalisation => Normalisation.ImageNet;

    /// <inheritdoc />
    public int Count => _files.Length;

    /// <inheritdoc />
    public int Classes => ClassNames.Count;

    /// <inheritdoc />
    public ImageShape Shape { get; } = new(3, CropTo, CropTo);

    /// <summary>Indexes <paramref name="root"/>: every subfolder is a class, every .jpg/.jpeg/.png in it an image.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="InvalidDataException">No class folders, or a class folder without images.</exception>
    public static ImageFolderDataset Open(string root, string name = "imagenet")
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{name}: folder {root} does not exist");
        }

        string[] classDirs = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray();
        if (classDirs.Length == 0)
        {
            throw new InvalidDataException($"{name}: {root} has no class folders (expected root/<class>/<image>.jpg)");
        }

        var files = new List<string>();
        var labels = new List<int>();
        for (int c = 0; c < classDirs.Length; c++)
        {
            string[] images = Directory.GetFiles(classDirs[c])
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToArray();
            if (images.Length == 0)
            {
                throw new InvalidDataException($"{name}: class folder {classDirs[c]} has no .jpg, .jpeg or .png files");
            }

            files.AddRange(images);
            labels.AddRange(Enumerable.Repeat(c, images.Length));
        }

        return new ImageFolderDataset(name, classDirs.Select(Path.GetFileName).ToArray()!, [.. files], [.. labels]);
    }

    /// <inheritdoc />
    public int LabelOf(int index) => _labels[index];

    /// <summary>The file of image <paramref name="index"/>.</summary>
    public string PathOf(int index) => _files[index];

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The file is not a decodable JPEG/PNG (corrupt or truncated).</exception>
    public void ReadImage(int index, Span<float> destination)
    {
        Guard.AtLeast(destination.Length, Shape.Size, "destination length");
        Preprocess(_files[index], destination[..Shape.Size]);
        Normalisation.Apply(destination[..Shape.Size], Shape);
    }

    /// <summary>Decodes, resizes the shorter side to 256, centre-crops 224 and writes raw [0,1] RGB planes.</summary>
    /// <exception cref="InvalidDataException">Not a complete, decodable PNG or JPEG, or sizes above the caps (see
    /// <see cref="StrictImageDecoder"/>); the message names the file.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 3×224×224.</exception>
    public static void Preprocess(string path, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(path);
        const int plane = CropTo * CropTo;
        Guard.AtLeast(destination.Length, 3 * plane, "destination length");
        using SKBitmap decoded = StrictImageDecoder.Decode(path, ResizeTo);
        double scale = (double)ResizeTo / Math.Min(decoded.Width, decoded.Height);
        int width = Math.Max(ResizeTo, (int)Math.Round(decoded.Width * scale));
        int height = Math.Max(ResizeTo, (int)Math.Round(decoded.Height * scale));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using SKBitmap resized = decoded.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: could not resize {decoded.Width}×{decoded.Height} to {width}×{height}"));
        int left = (width - CropTo) / 2;
        int top = (height - CropTo) / 2;
        ReadOnlySpan<byte> rgba = resized.GetPixelSpan();
        int stride = resized.RowBytes;
        for (int y = 0; y < CropTo; y++)
        {
            for (int x = 0; x < CropTo; x++)
            {
                int source = (top + y) * stride + (left + x) * 4;
                int target = y * CropTo + x;
                destination[target] = rgba[source] / 255f;
                destination[plane + target] = rgba[source + 1] / 255f;
                destination[2 * plane + target] = rgba[source + 2] / 255f;
            }
        }
    }
}
