namespace ILrg.Interop;

/// <summary>
/// The bounds every reader of external files enforces before it allocates: a file or a value beyond them is an
/// <see cref="InvalidDataException"/> naming the file, never an attempt to allocate what a damaged header claims.
/// </summary>
/// <remarks>
/// 1 GiB holds a VGG-16 state dict in float32 (528 MB) twice over; a single tensor of 2^28 elements (1 GiB in float32)
/// holds VGG-16's largest weight (102.8 M elements).
/// </remarks>
public static class InteropLimits
{
    /// <summary>Largest file read: 1 GiB.</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>Largest element count of one tensor: 2^28.</summary>
    public const long MaxElements = 1L << 28;

    /// <summary>Most tensors in one file.</summary>
    public const int MaxTensors = 100_000;

    /// <summary>Most dimensions of one tensor.</summary>
    public const int MaxRank = 16;

    /// <summary>Largest .npy header: 64 KiB (NumPy itself refuses headers over 10,000 bytes by default).</summary>
    public const int MaxNpyHeaderBytes = 1 << 16;

    /// <summary>Largest safetensors JSON header: 100 MB, the limit of the format's reference reader.</summary>
    public const int MaxSafetensorsHeaderBytes = 100_000_000;

    /// <summary>Longest tensor name, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 4096;
}
